#include "format/doc.h"

#include <cstdint>
#include <tuple>
#include <utility>

#include "format/char_width.h"

namespace metagate::cedar::format_internal {
namespace {

Doc Make(DocNode n) { return std::make_shared<const DocNode>(std::move(n)); }

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

}  // namespace metagate::cedar::format_internal
