#include "metagate/governance/decision_log_verify.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <string_view>
#include <unordered_map>

#include "decision_record.h"
#include "metagate/common/file_util.h"
#include "metagate/governance/decision_log.h"

namespace metagate::governance {

namespace {

using internal::ParsedLine;

struct Rec {
  bool parsed = false;
  bool good = false;  // parsed and its hash matches its content
  ParsedLine p;
  std::string content_hash;
};

std::string L(int64_t line) { return "line " + std::to_string(line); }
std::string S(uint64_t seq) { return std::to_string(seq); }

// Walks the lines in order, keeping the last record known to be in place (the anchor), and
// explains each line that does not follow it.
class Verifier {
 public:
  Verifier(const std::vector<Rec>& recs, std::string_view head_hash, AuditVerifyReport& report)
      : recs_(recs), head_hash_(head_hash), report_(report) {
    for (int64_t i = 1; i < n(); ++i) {
      if (!recs_[i].good) continue;
      by_hash_[recs_[i].p.hash].push_back(i);
      by_prev_[recs_[i].p.prev].push_back(i);
      by_seq_[recs_[i].p.seq].push_back(i);
    }
  }

  void Run() {
    std::vector<int64_t> moved(n() + 1, 0);  // line -> the line whose record goes in its place
    bool after_bad = false;
    const Rec* bad = nullptr;
    for (int64_t i = 1; i < n(); ++i) {
      if (moved[i] != 0) {  // the second line of a distant swap, already reported
        SetAnchor(moved[i]);
        continue;
      }
      const Rec& r = recs_[i];
      if (!r.good) {
        after_bad = true;
        bad = &r;
        continue;
      }
      if (after_bad) {  // resynchronize after an edited line
        after_bad = false;
        bool follows_bad =
            bad->parsed && (r.p.prev == bad->p.hash || r.p.prev == bad->content_hash);
        if (bad->parsed && !follows_bad && !Links(anchor_line_, i)) {
          Add(i, r.p.seq,
              L(i) + " does not chain to the line before it: a record was inserted or removed");
        }
        SetAnchor(i);
        continue;
      }
      if (Links(anchor_line_, i)) {
        i = CheckFork(i);
        continue;
      }
      if (anchor_line_ > 0 && r.p.hash == Hash(anchor_line_)) {
        Add(i, r.p.seq,
            "lines " + std::to_string(anchor_line_) + " and " + std::to_string(i) +
                " hold the same record (seq " + S(r.p.seq) + "): one of them was inserted",
            anchor_line_);
        continue;
      }
      int64_t m = NextLinking(i);
      if (m == i + 1) {
        if (Links(i + 1, i) && (i + 2 >= n() || Links(i, i + 2))) {
          Swapped(i, i + 1);
          SetAnchor(i);
          ++i;
        } else {
          Inserted(i, m);
        }
        continue;
      }
      if (m > i + 1) {
        if (Links(m - 1, i) && Links(m, i + 1) && (m + 1 >= n() || Links(i, m + 1))) {
          Swapped(i, m);
          SetAnchor(m);
          moved[m] = i;
        } else {
          Inserted(i, m);
        }
        continue;
      }
      NoSuccessor(i);
    }
    last_bad_after_anchor_ = after_bad;
  }

  uint64_t anchor_seq() const { return anchor_seq_; }

  // The line holding the record with this seq and hash, or 0.
  int64_t LineOf(uint64_t seq, std::string_view hash) const {
    auto it = by_seq_.find(seq);
    if (it == by_seq_.end()) return 0;
    for (int64_t j : it->second) {
      if (recs_[j].p.hash == hash) return j;
    }
    return 0;
  }

  // The head file names the last checkpoint: it must be in the log, or records were cut.
  // `cut_line`: the last line when it has no newline (the file was cut there), else 0.
  void CheckHead(const std::string& head_path, const internal::Head& head, int64_t cut_line) {
    auto it = by_seq_.find(head.seq);
    if (it != by_seq_.end()) {
      for (int64_t j : it->second) {
        if (recs_[j].p.hash == head.hash) return;
      }
      int64_t j = it->second.front();
      Add(j, head.seq,
          L(j) + " (seq " + S(head.seq) + ") is not the record the head file " + head_path +
              " names: the records up to it were rewritten");
      return;
    }
    if (anchor_seq_ < head.seq && !last_bad_after_anchor_) {
      uint64_t from = anchor_seq_ + 1;
      std::string range = from == head.seq
                              ? "record seq " + S(from) + " is"
                              : "records seq " + S(from) + " to " + S(head.seq) + " are";
      int64_t line = cut_line != 0 && cut_line == anchor_line_ ? cut_line : anchor_line_ + 1;
      Add(line, from,
          range + " missing at the end of the file (after " + L(anchor_line_) +
              "): the head file says the log reached seq " + S(head.seq));
    }
  }

 private:
  int64_t n() const { return static_cast<int64_t>(recs_.size()); }
  std::string_view Hash(int64_t line) const {
    return line == 0 ? internal::kZeroHash : recs_[line].p.hash;
  }
  uint64_t Seq(int64_t line) const { return line == 0 ? 0 : recs_[line].p.seq; }

  // Whether the record at line `b` directly follows the record at line `a` (0: the start).
  bool Links(int64_t a, int64_t b) const {
    if (b <= 0 || b >= n() || a < 0 || a >= n()) return false;
    if ((a > 0 && !recs_[a].good) || !recs_[b].good) return false;
    return recs_[b].p.seq == Seq(a) + 1 && recs_[b].p.prev == Hash(a);
  }

  void SetAnchor(int64_t line) {
    anchor_line_ = line;
    anchor_seq_ = Seq(line);
  }

  // The first line after `i` whose record directly follows the anchor, or 0.
  int64_t NextLinking(int64_t i) const {
    auto it = by_prev_.find(Hash(anchor_line_));
    if (it == by_prev_.end()) return 0;
    for (int64_t j : it->second) {
      if (j > i && Links(anchor_line_, j)) return j;
    }
    return 0;
  }

  // Line i follows the anchor. When line i+1 claims the same place with another record, the one
  // the chain continues from is genuine and the other was inserted. Returns the last line done.
  int64_t CheckFork(int64_t i) {
    int64_t j = i + 1;
    if (!Links(anchor_line_, j) || Hash(j) == Hash(i)) {
      SetAnchor(i);
      return i;
    }
    std::string claim = "lines " + std::to_string(i) + " and " + std::to_string(j) +
                        " both claim seq " + S(Seq(i)) + " after " +
                        (anchor_line_ == 0 ? std::string("the start") : L(anchor_line_));
    bool continues_j = Links(j, j + 1) || (j + 1 >= n() && head_hash_ == Hash(j));
    bool continues_i = Links(i, j + 1) || (j + 1 >= n() && head_hash_ == Hash(i));
    if (continues_j && !continues_i) {
      Add(i, Seq(i), L(i) + " was inserted: " + claim + ", and the chain continues from " + L(j));
      SetAnchor(j);
    } else if (continues_i && !continues_j) {
      Add(j, Seq(j), L(j) + " was inserted: " + claim + ", and the chain continues from " + L(i));
      SetAnchor(i);
    } else {
      Add(i, Seq(i), claim + ": one of them was inserted", j);
      SetAnchor(j);
    }
    return j;
  }

  void Swapped(int64_t a, int64_t b) {
    Add(a, Seq(b),
        "lines " + std::to_string(a) + " and " + std::to_string(b) + " are out of order: seq " +
            S(Seq(a)) + " and seq " + S(Seq(b)) + " were swapped",
        b);
  }

  // Line i sits between the anchor and line m, which follows the anchor directly.
  void Inserted(int64_t i, int64_t m) {
    std::string what = L(i) + " was inserted: it does not chain to " +
                       (anchor_line_ == 0 ? std::string("the start") : L(anchor_line_)) + ", and " +
                       L(m) + " does";
    int64_t copy_of = CopyOf(i);
    if (copy_of != 0) {
      what =
          L(i) + " is a copy of " + L(copy_of) + " (seq " + S(Seq(i)) + "): a record was inserted";
    }
    Add(i, Seq(i), what);
  }

  // Line i follows neither the anchor nor is followed by a line that does.
  void NoSuccessor(int64_t i) {
    uint64_t seq = Seq(i);
    std::string after =
        anchor_line_ == 0 ? "before " + L(i) : "between " + L(anchor_line_) + " and " + L(i);
    if (seq > anchor_seq_ + 1) {
      uint64_t from = anchor_seq_ + 1, to = seq - 1;
      Add(i, from,
          from == to ? "record seq " + S(from) + " is missing " + after
                     : "records seq " + S(from) + " to " + S(to) + " are missing " + after);
      SetAnchor(i);
      return;
    }
    if (seq <= anchor_seq_) {
      int64_t copy_of = CopyOf(i);
      if (copy_of != 0) {
        Add(i, seq,
            L(i) + " is a copy of " + L(copy_of) + " (seq " + S(seq) + "): a record was inserted");
      } else {
        Add(i, seq,
            L(i) + " (seq " + S(seq) + ") is out of place: the chain had already reached seq " +
                S(anchor_seq_) + " at " + L(anchor_line_) + "; a record was inserted");
      }
      return;
    }
    Add(i, seq,
        L(i) + " does not chain to " + (anchor_line_ == 0 ? "the start" : L(anchor_line_)) +
            ": a record was inserted or removed, or the chain was rewritten from here");
    SetAnchor(i);
  }

  // Another line holding the same bytes as line i, or 0.
  int64_t CopyOf(int64_t i) const {
    auto it = by_hash_.find(Hash(i));
    if (it == by_hash_.end()) return 0;
    for (int64_t j : it->second) {
      if (j != i) return j;
    }
    return 0;
  }

  void Add(int64_t line, uint64_t seq, std::string what, int64_t paired = 0) {
    AuditProblem p;
    p.line = line;
    p.seq = static_cast<int64_t>(seq);
    p.what = std::move(what);
    p.paired_line = paired;
    report_.problems.push_back(std::move(p));
  }

  const std::vector<Rec>& recs_;
  std::string_view head_hash_;  // the hash the head file names; empty without one
  AuditVerifyReport& report_;
  std::unordered_map<std::string_view, std::vector<int64_t>> by_hash_, by_prev_;
  std::unordered_map<uint64_t, std::vector<int64_t>> by_seq_;
  int64_t anchor_line_ = 0;
  uint64_t anchor_seq_ = 0;
  bool last_bad_after_anchor_ = false;
};

void AddProblem(AuditVerifyReport& report, int64_t line, int64_t seq, std::string what,
                int64_t range_from = 0) {
  AuditProblem p;
  p.line = line;
  p.seq = seq;
  p.what = std::move(what);
  p.range_from = range_from;
  report.problems.push_back(std::move(p));
}

// Every checkpoint MAC must authenticate the hash before it. Returns the lines of the checkpoints
// whose MAC holds.
std::vector<int64_t> CheckMacs(const std::vector<Rec>& recs, const std::string& key,
                               AuditVerifyReport& report) {
  std::vector<int64_t> valid;
  int64_t last_valid = 0;
  for (int64_t i = 1; i < static_cast<int64_t>(recs.size()); ++i) {
    const Rec& r = recs[i];
    if (!r.good || r.p.kind != internal::kCheckpointKind) continue;
    Result<std::string_view> mac = internal::CheckpointMac(r.p.members);
    int64_t seq = static_cast<int64_t>(r.p.seq);
    if (!mac.ok()) {
      AddProblem(report, i, seq, L(i) + " is a malformed checkpoint: " + mac.status().message());
      continue;
    }
    if (*mac != internal::HmacSha256Hex(key, r.p.prev)) {
      int64_t from = last_valid == 0 ? 1 : last_valid;
      AddProblem(report, i, seq,
                 "the checkpoint at " + L(i) +
                     " does not authenticate the chain before it: records from " + L(from) +
                     " to " + L(i) + " were rewritten (or the key is wrong)",
                 from);
      continue;
    }
    last_valid = i;
    valid.push_back(i);
  }
  return valid;
}

}  // namespace

Result<AuditVerifyReport> VerifyDecisionLog(const std::string& path,
                                            const std::optional<std::string>& key) {
  ASSIGN_OR_RETURN(std::string data, ReadFile(path));
  AuditVerifyReport report;
  report.macs_checked = key.has_value();

  std::vector<std::string_view> lines;
  std::string_view rest = data;
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    lines.push_back(rest.substr(0, nl));
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
  }
  bool missing_newline = !data.empty() && data.back() != '\n';

  std::vector<Rec> recs(lines.size() + 1);  // recs[i]: line i (1-based)
  for (size_t k = 0; k < lines.size(); ++k) {
    int64_t i = static_cast<int64_t>(k) + 1;
    Rec& r = recs[i];
    Result<ParsedLine> p = internal::ParseRecordLine(lines[k]);
    if (!p.ok()) {
      AddProblem(report, i, 0,
                 L(i) + " is damaged (" + p.status().message() + "): it was edited or cut short");
      continue;
    }
    r.parsed = true;
    r.p = *p;
    r.content_hash = internal::Sha256Hex(r.p.body);
    r.good = r.content_hash == r.p.hash;
    if (!r.good) {
      AddProblem(report, i, static_cast<int64_t>(r.p.seq),
                 L(i) + " was edited: its hash does not match its content");
    }
    if (r.good && r.p.kind == internal::kCheckpointKind) ++report.checkpoints;
  }
  report.records = static_cast<int64_t>(lines.size());
  if (missing_newline) {
    AddProblem(report, report.records, 0,
               L(report.records) +
                   " has no newline at its end: the file was truncated, or its last byte edited");
  }

  std::string head_path = DecisionLogHeadPath(path);
  std::optional<internal::Head> head;
  if (std::filesystem::exists(head_path)) {
    report.head_found = true;
    Result<std::string> text = ReadFile(head_path);
    Result<internal::Head> parsed =
        text.ok() ? internal::ParseHead(*text) : Result<internal::Head>(text.status());
    if (parsed.ok()) {
      head = *parsed;
    } else {
      AddProblem(report, 0, 0,
                 "the head file " + head_path + " is damaged (" + parsed.status().message() + ")");
    }
  } else if (report.checkpoints > 0) {
    AddProblem(report, 0, 0,
               "the head file " + head_path +
                   " is missing although the log has checkpoints: removal of records from the end "
                   "cannot be ruled out");
  }

  Verifier v(recs, head ? std::string_view(head->hash) : std::string_view(), report);
  v.Run();
  report.last_seq = static_cast<int64_t>(v.anchor_seq());
  if (head) v.CheckHead(head_path, *head, missing_newline ? report.records : 0);
  std::vector<int64_t> valid_checkpoints;
  if (key) valid_checkpoints = CheckMacs(recs, *key, report);
  if (head && key && internal::HeadMac(*key, head->seq, head->hash) != head->mac) {
    // A checkpoint's MAC covers the records before it, not its own bytes: when the head file
    // is forged, the record it names and those after the checkpoint before it are suspect.
    int64_t named = v.LineOf(head->seq, head->hash);
    std::string what = "the head file " + head_path +
                       " does not match its MAC: it was edited, or the key is wrong";
    int64_t from = 0;
    if (named != 0) {
      from = 1;
      for (int64_t c : valid_checkpoints) {
        if (c < named) from = c;
      }
      what += "; the records from " + L(from) + " to " + L(named) +
              " (which it names) cannot be trusted";
    }
    AddProblem(report, named, static_cast<int64_t>(head->seq), what, from);
  }

  for (int64_t i = static_cast<int64_t>(recs.size()) - 1; i >= 1; --i) {
    if (!recs[i].good) continue;
    if (recs[i].p.kind == internal::kCheckpointKind) break;
    ++report.unsigned_tail;
  }
  std::stable_sort(report.problems.begin(), report.problems.end(),
                   [](const AuditProblem& a, const AuditProblem& b) {
                     auto key = [](const AuditProblem& p) {
                       return p.line == 0 ? std::numeric_limits<int64_t>::max() : p.line;
                     };
                     return key(a) < key(b);
                   });
  return report;
}

}  // namespace metagate::governance
