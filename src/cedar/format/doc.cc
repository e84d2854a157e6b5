#include "format/doc.h"

#include <cstdint>
#include <tuple>
#include <utility>

namespace metagate::cedar::fmt {
namespace {

Doc Make(DocNode n) { return std::make_shared<const DocNode>(std::move(n)); }

bool IsZeroWidth(uint32_t cp) {
  static const uint32_t kRanges[][2] = {
      {0x0000, 0x001F}, {0x007F, 0x009F}, {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD},
      {0x05BF, 0x05BF}, {0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
      {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8},
      {0x06EA, 0x06ED}, {0x0711, 0x0711}, {0x0730, 0x074A}, {0x07A6, 0x07B0}, {0x0900, 0x0902},
      {0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A},
      {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2028, 0x202E},
      {0x2060, 0x2064}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}};
  for (const auto& r : kRanges) {
    if (cp >= r[0] && cp <= r[1]) return true;
  }
  return false;
}

// Terminal display width of UTF-8 text (wide East Asian characters and emoji count 2).
size_t DisplayWidth(const std::string& s) {
  bool ascii = true;
  for (char c : s) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) return s.size();  // as in `pretty`: ASCII text counts bytes, control characters too
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    uint32_t cp = c;
    int len = 1;
    if (c >= 0xF0) {
      cp = c & 0x07, len = 4;
    } else if (c >= 0xE0) {
      cp = c & 0x0F, len = 3;
    } else if (c >= 0xC0) {
      cp = c & 0x1F, len = 2;
    }
    for (int k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    i += len;
    if (IsZeroWidth(cp)) continue;
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    w += wide ? 2 : 1;
  }
  return w;
}

enum class Mode { kBreak, kFlat };
struct Cmd {
  int ind;
  Mode mode;
  const DocNode* doc;
};

class Renderer {
 public:
  explicit Renderer(int width) : width_(width) {}

  std::string Run(const DocNode* root) {
    bcmds_.push_back({0, Mode::kBreak, root});
    while (!bcmds_.empty()) {
      Cmd cmd = bcmds_.back();
      bcmds_.pop_back();
      while (true) {
        const DocNode* d = cmd.doc;
        bool done = true;
        switch (d->kind) {
          case DocNode::kNil:
            break;
          case DocNode::kAppend:
            cmd.doc = PushAppend(d, [&](const DocNode* r) {
              bcmds_.push_back({cmd.ind, cmd.mode, r});
            });
            done = false;
            break;
          case DocNode::kFlatAlt:
            cmd.doc = cmd.mode == Mode::kBreak ? d->a.get() : d->b.get();
            done = false;
            break;
          case DocNode::kGroup:
            if (cmd.mode == Mode::kBreak && Fits(d->a.get())) cmd.mode = Mode::kFlat;
            cmd.doc = d->a.get();
            done = false;
            break;
          case DocNode::kNest:
            cmd.ind = std::max(0, cmd.ind + d->offset);
            cmd.doc = d->a.get();
            done = false;
            break;
          case DocNode::kHardline:
            if (!bcmds_.empty()) {
              Cmd next = bcmds_.back();
              bcmds_.pop_back();
              Newline(next.ind);
              cmd = next;
              done = false;
            } else {
              Newline(cmd.ind);
            }
            break;
          case DocNode::kText:
            out_ += d->text;
            pos_ += static_cast<int>(d->width);
            break;
        }
        if (done) break;
      }
    }
    return std::move(out_);
  }

 private:
  // Pushes the right parts of a chain of appends (rightmost first) and returns the leftmost.
  template <typename F>
  static const DocNode* PushAppend(const DocNode* d, F push) {
    const DocNode* l = d->a.get();
    const DocNode* r = d->b.get();
    const DocNode* rr = r;
    std::vector<const DocNode*> tmp;
    while (rr->kind == DocNode::kAppend) {
      tmp.push_back(rr->b.get());
      rr = rr->a.get();
    }
    for (const DocNode* t : tmp) push(t);
    push(rr);
    while (l->kind == DocNode::kAppend) {
      push(l->b.get());
      l = l->a.get();
    }
    return l;
  }

  void Newline(int ind) {
    out_ += '\n';
    out_.append(static_cast<size_t>(ind), ' ');
    pos_ = ind;
  }

  bool Fits(const DocNode* next) {
    size_t bidx = bcmds_.size();
    fcmds_.clear();
    fcmds_.push_back(next);
    Mode mode = Mode::kFlat;
    int pos = pos_;
    while (true) {
      const DocNode* d;
      if (fcmds_.empty()) {
        if (bidx == 0) return true;
        --bidx;
        mode = Mode::kBreak;
        d = bcmds_[bidx].doc;
      } else {
        d = fcmds_.back();
        fcmds_.pop_back();
      }
      while (true) {
        bool done = true;
        switch (d->kind) {
          case DocNode::kNil:
            break;
          case DocNode::kAppend:
            d = PushAppend(d, [&](const DocNode* r) { fcmds_.push_back(r); });
            done = false;
            break;
          case DocNode::kHardline:
            return mode == Mode::kBreak;
          case DocNode::kText:
            pos += static_cast<int>(d->width);
            if (pos > width_) return false;
            break;
          case DocNode::kFlatAlt:
            d = mode == Mode::kBreak ? d->a.get() : d->b.get();
            done = false;
            break;
          case DocNode::kNest:
          case DocNode::kGroup:
            d = d->a.get();
            done = false;
            break;
        }
        if (done) break;
      }
    }
  }

  int width_;
  int pos_ = 0;
  std::string out_;
  std::vector<Cmd> bcmds_;
  std::vector<const DocNode*> fcmds_;
};

}  // namespace

Doc Nil() {
  static const Doc kNil = Make({});
  return kNil;
}

Doc Text(std::string s) {
  if (s.empty()) return Nil();
  DocNode n;
  n.kind = DocNode::kText;
  n.width = DisplayWidth(s);
  n.text = std::move(s);
  return Make(std::move(n));
}

Doc Space() { return Text(" "); }

Doc Hardline() {
  DocNode n;
  n.kind = DocNode::kHardline;
  return Make(std::move(n));
}

static Doc FlatAlt(Doc brk, Doc flat) {
  DocNode n;
  n.kind = DocNode::kFlatAlt;
  n.a = std::move(brk);
  n.b = std::move(flat);
  return Make(std::move(n));
}

Doc Line() { return FlatAlt(Hardline(), Space()); }
Doc Line_() { return FlatAlt(Hardline(), Nil()); }

bool IsNil(const Doc& d) { return d->kind == DocNode::kNil; }

Doc Append(Doc a, Doc b) {
  if (IsNil(a)) return b;
  if (IsNil(b)) return a;
  DocNode n;
  n.kind = DocNode::kAppend;
  n.a = std::move(a);
  n.b = std::move(b);
  return Make(std::move(n));
}

Doc Group(Doc d) {
  if (d->kind == DocNode::kGroup || d->kind == DocNode::kText || d->kind == DocNode::kNil) {
    return d;
  }
  DocNode n;
  n.kind = DocNode::kGroup;
  n.a = std::move(d);
  return Make(std::move(n));
}

Doc Nest(Doc d, int offset) {
  if (IsNil(d) || offset == 0) return d;
  DocNode n;
  n.kind = DocNode::kNest;
  n.offset = offset;
  n.a = std::move(d);
  return Make(std::move(n));
}

std::string Render(const Doc& d, int width) { return Renderer(width).Run(d.get()); }

}  // namespace metagate::cedar::fmt
