// Checks what `metagate serve` delivered to `metagate sink` after the labelled datasets
// (../shared/datasets) were posted through every ingest API (tests/e2e/gateway_datasets_test.sh).
// The sink's records may come in any order and more than once (the gateway may retry), so every
// check is order- and duplicate-independent.
//
//   gateway_datasets_check SINK_JSONL DATASETS_DIR [--ingest-key VENDOR=KEY]...
//                          [--sender-secret SECRET]...
//
// The vendor of a record is the first segment of its path (upstream http://SINK/<vendor>), and
// each vendor is named after its dataset format. Per vendor:
// - leaks: a labelled value whose classes are all outside kRawOk, at least kMinChecked bytes,
//   must not be a whole leaf of any body delivered to that vendor, unless the same text is also
//   a raw-allowed labelled value or an unlabelled leaf of the vendor's dataset (a collision);
//   a value that is its own generalized form (an id-free URL without query, a referrer that is
//   an origin or a host: the policy lets those classes leave generalized) is left out and
//   counted;
//   a labelled span of such a class, at least kMinChecked bytes, must not occur inside any leaf
//   (unless the text also occurs inside an allowed leaf of the input);
// - completeness: every event's idempotency key (Segment messageId, Mixpanel $insert_id,
//   Amplitude insert_id, PostHog uuid, OTLP traceId/spanId) is delivered at least once;
// - credentials: no record holds a sender's credential (the datasets' tokens and api keys, and
//   each --sender-secret); a vendor with --ingest-key carries it in the body (Mixpanel token,
//   Amplitude and PostHog api_key) or in a redacted Authorization header (Segment, LLM).
// Failures name the vendor, the sink record, the labelled path and its class, never a value.
#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "metagate/classify/labels.h"
#include "metagate/common/base64.h"
#include "metagate/common/utf8.h"
#include "metagate/transform/generalize.h"

namespace {

const std::set<std::string> kRawOk = {"unclassified", "country",         "model_name",
                                      "error_code",   "prompt_category", "tool_name"};
const char* const kFormats[] = {"segment", "mixpanel", "amplitude", "posthog", "otlp-logs", "llm"};
constexpr size_t kMinChecked = 8;  // bytes; shorter values may occur by coincidence
constexpr size_t kGram = 8;        // the span index's key length (<= kMinChecked)
constexpr int kShownFailures = 20;

// Whether the policy's permitted generalized form of a value of class `cls` is the value itself
// (an id-free URL without query, a referrer that is an origin or a host, an IP ending in .0):
// then leaving "raw" is leaving generalized, which the policy allows, so the whole value is not
// checked (it is counted). Values with something to remove (a query, an e-mail, an id in the
// path) are not fixed points and stay checked.
bool GeneralizesToItself(const std::string& cls, const std::string& value) {
  metagate::Result<std::string> g = metagate::Status::Invalid("");
  if (cls == "url") {
    g = metagate::transform::GeneralizeUrl(value);
  } else if (cls == "referrer") {
    g = metagate::transform::GeneralizeReferrer(value);
  } else if (cls == "ip_address") {
    g = metagate::transform::GeneralizeIp(value);
  }
  return g.ok() && *g == value;
}

std::vector<std::string> ReadLines(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// The uuid the driver (gateway_datasets_send.py) gives PostHog events that have none.
std::string PosthogUuid(size_t line, size_t index) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "00000000-0000-4000-8000-%06zu%06zu", line, index);
  return buf;
}

std::string EscapePointerToken(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Calls f(pointer, text) for every string and number leaf (numbers as simdjson writes them).
template <typename F>
void ForEachLeaf(simdjson::dom::element el, std::string& pointer, F&& f) {
  switch (el.type()) {
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object object = el.get_object().value_unsafe();
      for (auto [key, value] : object) {
        size_t n = pointer.size();
        pointer += '/';
        pointer += EscapePointerToken(key);
        ForEachLeaf(value, pointer, f);
        pointer.resize(n);
      }
      break;
    }
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array array = el.get_array().value_unsafe();
      size_t i = 0;
      for (simdjson::dom::element value : array) {
        size_t n = pointer.size();
        pointer += '/';
        pointer += std::to_string(i++);
        ForEachLeaf(value, pointer, f);
        pointer.resize(n);
      }
      break;
    }
    case simdjson::dom::element_type::STRING:
      f(pointer, std::string(el.get_string().value_unsafe()));
      break;
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE:
      f(pointer, simdjson::minify(el));
      break;
    default:
      break;
  }
}

std::string StringAt(simdjson::dom::element el, std::string_view pointer) {
  std::string_view s;
  if (el.at_pointer(pointer).get_string().get(s)) return "";
  return std::string(s);
}

// The events of a body of `format`, as elements (Segment: the batch's messages or the message;
// Mixpanel: the array's items or the object; Amplitude: events; PostHog: batch or the event;
// OTLP: every log record).
std::vector<simdjson::dom::element> EventsOf(const std::string& format,
                                             simdjson::dom::element root) {
  std::vector<simdjson::dom::element> out;
  simdjson::dom::array arr;
  auto all = [&](simdjson::dom::element list) {
    if (list.get_array().get(arr)) return;
    for (simdjson::dom::element e : arr) out.push_back(e);
  };
  simdjson::dom::element list;
  if (format == "segment" || format == "llm") {
    if (!root["batch"].get(list)) {
      all(list);
    } else if (root.is_object()) {
      out.push_back(root);
    }
  } else if (format == "mixpanel") {
    if (root.is_array()) {
      all(root);
    } else if (root.is_object()) {
      out.push_back(root);
    }
  } else if (format == "amplitude") {
    if (!root["events"].get(list)) all(list);
  } else if (format == "posthog") {
    if (!root["batch"].get(list)) {
      all(list);
    } else if (root.is_object()) {
      out.push_back(root);
    }
  } else {
    simdjson::dom::array resources, scopes, records;
    if (root["resourceLogs"].get_array().get(resources)) return out;
    for (simdjson::dom::element r : resources) {
      if (r["scopeLogs"].get_array().get(scopes)) continue;
      for (simdjson::dom::element s : scopes) {
        if (s["logRecords"].get_array().get(records)) continue;
        for (simdjson::dom::element l : records) out.push_back(l);
      }
    }
  }
  return out;
}

// An event's idempotency key, or "".
std::string KeyOf(const std::string& format, simdjson::dom::element event) {
  if (format == "segment" || format == "llm") return StringAt(event, "/messageId");
  if (format == "mixpanel") return StringAt(event, "/properties/$insert_id");
  if (format == "amplitude") return StringAt(event, "/insert_id");
  if (format == "posthog") return StringAt(event, "/uuid");
  std::string trace = StringAt(event, "/traceId"), span = StringAt(event, "/spanId");
  return trace.empty() || span.empty() ? "" : trace + "/" + span;
}

struct Origin {  // where a checked value comes from, for failure messages (never the value)
  size_t line = 0;
  std::string path;
  std::string cls;
};

// Sink leaves of one vendor, joined by '\0', with a sorted index of their kGram-byte prefixes
// so that each span is looked up rather than scanned for.
class LeafText {
 public:
  void Add(const std::string& leaf, size_t record) {
    starts_.emplace_back(text_.size(), record);
    text_ += leaf;
    text_.push_back('\0');
  }
  void Index() {
    if (text_.size() < kGram) return;
    grams_.reserve(text_.size() - kGram + 1);
    for (size_t p = 0; p + kGram <= text_.size(); ++p) grams_.emplace_back(Gram(text_, p), p);
    std::sort(grams_.begin(), grams_.end());
  }
  // The sink record of a leaf containing `needle` (size >= kGram), or -1.
  long Find(const std::string& needle) const {
    uint64_t g = Gram(needle, 0);
    auto it = std::lower_bound(grams_.begin(), grams_.end(), std::make_pair(g, size_t{0}));
    for (; it != grams_.end() && it->first == g; ++it) {
      size_t p = it->second;
      if (p + needle.size() <= text_.size() &&
          std::memcmp(text_.data() + p, needle.data(), needle.size()) == 0) {
        auto s = std::upper_bound(starts_.begin(), starts_.end(), std::make_pair(p, SIZE_MAX));
        return static_cast<long>(std::prev(s)->second);
      }
    }
    return -1;
  }

 private:
  static uint64_t Gram(const std::string& s, size_t p) {
    uint64_t g = 0;
    std::memcpy(&g, s.data() + p, kGram);
    return g;
  }
  std::string text_;
  std::vector<std::pair<size_t, size_t>> starts_;  // (offset of a leaf, its record)
  std::vector<std::pair<uint64_t, size_t>> grams_;
};

struct SinkRecord {
  long seq = 0;
  std::string path;
};

struct Vendor {
  // From the datasets.
  std::unordered_map<std::string, Origin> forbidden;  // whole values
  std::unordered_set<std::string> allowed;            // raw-allowed labelled values, unlabelled
  std::string allowed_text;                           // the same joined by '\0', for spans
  std::map<std::string, Origin> spans;
  std::unordered_set<std::string> keys;  // idempotency keys sent
  long bodies = 0, events_sent = 0, collisions = 0, span_collisions = 0, fixed_points = 0;
  // From the sink.
  long requests = 0, events_delivered = 0, key_copies = 0, failures = 0;
  std::unordered_set<std::string> delivered;
  std::vector<SinkRecord> records;
  LeafText leaves;
};

class Checker {
 public:
  std::map<std::string, Vendor> vendors;
  std::map<std::string, std::string> ingest_keys;
  std::vector<std::string> sender_secrets;  // given, plus the datasets' own credentials
  long failures = 0;

  void Fail(const std::string& vendor, const std::string& what) {
    ++failures;
    if (vendors.count(vendor)) ++vendors[vendor].failures;
    if (failures <= kShownFailures)
      std::fprintf(stderr, "FAIL %s: %s\n", vendor.c_str(), what.c_str());
  }

  bool LoadDataset(const std::string& dir, const std::string& format);
  void ReadSink(const std::string& path);
  void CheckSpans();
  void CheckCompleteness();

 private:
  void CheckRecord(const std::string& line, size_t n);
  simdjson::dom::parser parser_;
};

bool Checker::LoadDataset(const std::string& dir, const std::string& format) {
  bool ok_events = false, ok_labels = false;
  std::vector<std::string> events = ReadLines(dir + "/" + format + ".events.jsonl", ok_events);
  std::vector<std::string> labels = ReadLines(dir + "/" + format + ".labels.jsonl", ok_labels);
  Vendor& v = vendors[format];
  if (!ok_events || !ok_labels || events.empty() || events.size() != labels.size()) {
    Fail(format, "missing or mismatched dataset files in " + dir);
    return false;
  }
  simdjson::dom::parser parser;
  std::vector<std::pair<std::string, Origin>> candidates;  // before collisions are removed
  for (size_t i = 0; i < events.size(); ++i) {
    simdjson::dom::element root;
    auto parsed = metagate::classify::ParseLabelsJson(labels[i]);
    if (parser.parse(events[i]).get(root) || !parsed.ok()) {
      Fail(format, "dataset line " + std::to_string(i) + " or its labels do not parse");
      continue;
    }
    ++v.bodies;
    std::vector<simdjson::dom::element> evs = EventsOf(format, root);
    v.events_sent += static_cast<long>(evs.size());
    for (size_t k = 0; k < evs.size(); ++k) {
      std::string key = KeyOf(format, evs[k]);
      if (key.empty() && format == "posthog") key = PosthogUuid(i, k);
      if (!key.empty()) v.keys.insert(key);
    }
    std::string_view s;
    if ((format == "amplitude" || format == "posthog") && !root["api_key"].get_string().get(s)) {
      sender_secrets.emplace_back(s);
    }
    for (simdjson::dom::element e : evs) {
      if (format == "mixpanel" && !e.at_pointer("/properties/token").get_string().get(s)) {
        sender_secrets.emplace_back(s);
      }
    }

    std::unordered_set<std::string> labelled;
    for (const metagate::classify::FieldLabel& f : parsed->fields) {
      labelled.insert(f.path);
      std::string value;
      simdjson::dom::element el;
      if (root.at_pointer(f.path).get(el)) {
        Fail(format, "dataset line " + std::to_string(i) + ": no leaf at labelled " + f.path);
        continue;
      }
      if (el.is_string()) {
        value = std::string(el.get_string().value_unsafe());
      } else if (el.is_number()) {
        value = simdjson::minify(el);
      }
      bool all_forbidden = true, all_ok = true;
      for (const std::string& c : f.classes) {
        (kRawOk.count(c) ? all_forbidden : all_ok) = false;
      }
      if (all_ok) {
        v.allowed.insert(value);
        v.allowed_text += value;
        v.allowed_text.push_back('\0');
      } else if (all_forbidden && value.size() >= kMinChecked) {
        candidates.emplace_back(value, Origin{i, f.path, f.classes[0]});
      }
      for (const metagate::classify::LabelSpan& sp : f.spans) {
        if (kRawOk.count(sp.cls)) continue;
        size_t b = metagate::utf8::ByteOffsetOfCodePoint(value, sp.begin),
               e = metagate::utf8::ByteOffsetOfCodePoint(value, sp.end);
        if (e <= b || e - b < kMinChecked) continue;
        v.spans.emplace(value.substr(b, e - b), Origin{i, f.path, sp.cls});
      }
    }
    std::string pointer;
    ForEachLeaf(root, pointer, [&](const std::string& p, const std::string& text) {
      if (labelled.count(p)) return;
      v.allowed.insert(text);
      v.allowed_text += text;
      v.allowed_text.push_back('\0');
    });
  }
  // A text that is its own generalized form under one of its labels is left out under all of
  // them (an id-free URL that is also labelled a referrer elsewhere leaves as the URL).
  std::unordered_set<std::string> fixed, seen;
  for (auto& [value, origin] : candidates) {
    if (GeneralizesToItself(origin.cls, value)) fixed.insert(value);
  }
  for (auto& [value, origin] : candidates) {
    if (!seen.insert(value).second) continue;
    if (v.allowed.count(value)) {
      ++v.collisions;
      continue;
    }
    if (fixed.count(value)) {
      ++v.fixed_points;
      continue;
    }
    v.forbidden.emplace(value, origin);
  }
  return true;
}

void Checker::ReadSink(const std::string& path) {
  bool ok = false;
  std::vector<std::string> lines = ReadLines(path, ok);
  if (!ok) {
    Fail("-", "cannot read the sink output " + path);
    return;
  }
  for (size_t n = 0; n < lines.size(); ++n) CheckRecord(lines[n], n);
  for (auto& [name, v] : vendors) v.leaves.Index();
}

void Checker::CheckRecord(const std::string& line, size_t n) {
  simdjson::dom::element rec;
  if (parser_.parse(line).get(rec))
    return Fail("-", "sink line " + std::to_string(n + 1) + " is not JSON");
  std::string path = StringAt(rec, "/path");
  int64_t status = 0, seq = 0;
  if (rec["status"].get_int64().get(status)) status = 0;
  if (rec["seq"].get_int64().get(seq)) seq = 0;
  std::string vendor = path.size() > 1 ? path.substr(1, path.find('/', 1) - 1) : "";
  std::string where = "record " + std::to_string(seq) + " " + path;
  // Sender credentials: anywhere in the record (headers, body as written).
  for (const std::string& secret : sender_secrets) {
    if (line.find(secret) != std::string::npos)
      Fail(vendor, where + ": a sender credential reached the sink");
  }
  auto it = vendors.find(vendor);
  if (it == vendors.end()) return Fail(vendor.empty() ? "-" : vendor, where + ": no such vendor");
  Vendor& v = it->second;
  ++v.requests;
  size_t index = v.records.size();
  v.records.push_back({seq, path});

  std::string body;
  std::string_view s;
  if (!rec["body"].get_string().get(s)) {
    body = std::string(s);
  } else if (!rec["body_base64"].get_string().get(s)) {
    auto decoded = metagate::base64::Decode(s);
    if (!decoded) return Fail(vendor, where + ": body_base64 is not base64");
    body = std::move(*decoded);
    for (const std::string& secret : sender_secrets) {
      if (body.find(secret) != std::string::npos)
        Fail(vendor, where + ": a sender credential reached the sink");
    }
  }
  simdjson::dom::parser body_parser;
  simdjson::dom::element root;
  if (body_parser.parse(body).get(root)) return Fail(vendor, where + ": the body is not JSON");

  std::string pointer;
  ForEachLeaf(root, pointer, [&](const std::string& p, const std::string& text) {
    auto f = v.forbidden.find(text);
    if (f != v.forbidden.end()) {
      Fail(vendor, where + " at " + p + ": the raw value of dataset line " +
                       std::to_string(f->second.line) + " " + f->second.path + " (" +
                       f->second.cls + ")");
    }
    v.leaves.Add(text, index);
  });

  std::vector<simdjson::dom::element> evs = EventsOf(vendor, root);
  v.events_delivered += static_cast<long>(evs.size());
  if (status >= 200 && status < 300) {
    for (simdjson::dom::element e : evs) {
      std::string key = KeyOf(vendor, e);
      if (!v.keys.count(key)) continue;
      ++v.key_copies;
      v.delivered.insert(key);
    }
  }

  // Credential headers: the sink writes them as "[redacted]", so any is suspect except the
  // Authorization header the gateway adds for a Segment-style vendor's write key.
  auto key = ingest_keys.find(vendor);
  bool segment_style = vendor == "segment" || vendor == "llm";
  simdjson::dom::object headers;
  if (!rec["headers"].get_object().get(headers)) {
    for (auto [name, value] : headers) {
      std::string_view hv;
      if (value.get_string().get(hv) || hv != "[redacted]") continue;
      if (segment_style && key != ingest_keys.end() && name == "authorization") continue;
      Fail(vendor, where + ": a credential header (" + std::string(name) + ") reached the sink");
    }
  }
  // The vendor's own credential.
  if (key == ingest_keys.end()) return;
  if (segment_style) {
    if (StringAt(rec, "/headers/authorization") != "[redacted]") {
      Fail(vendor, where + ": no Authorization header for the vendor's write key");
    }
    std::string_view wk;
    if (!root["writeKey"].get_string().get(wk) && wk != key->second) {
      Fail(vendor, where + ": writeKey is not the configured ingest key");
    }
  } else if (vendor == "mixpanel") {
    for (simdjson::dom::element e : evs) {
      if (StringAt(e, "/properties/token") != key->second) {
        Fail(vendor, where + ": an event's properties.token is not the configured ingest key");
        break;
      }
    }
  } else if (vendor == "amplitude" || vendor == "posthog") {
    if (StringAt(root, "/api_key") != key->second) {
      Fail(vendor, where + ": api_key is not the configured ingest key");
    }
  }
}

void Checker::CheckSpans() {
  for (auto& [name, v] : vendors) {
    for (const auto& [text, origin] : v.spans) {
      long record = v.leaves.Find(text);
      if (record < 0) continue;
      if (v.allowed_text.find(text) != std::string::npos) {  // also inside an allowed leaf
        ++v.span_collisions;
        continue;
      }
      const SinkRecord& r = v.records[static_cast<size_t>(record)];
      Fail(name, "record " + std::to_string(r.seq) + " " + r.path + ": a " + origin.cls +
                     " span of dataset line " + std::to_string(origin.line) + " " + origin.path +
                     " occurs in a leaf");
    }
  }
}

void Checker::CheckCompleteness() {
  for (auto& [name, v] : vendors) {
    long missing = static_cast<long>(v.keys.size() - v.delivered.size());
    if (missing > 0) {
      Fail(name, std::to_string(missing) + " of " + std::to_string(v.keys.size()) +
                     " events (by idempotency key) never reached the sink");
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: %s SINK_JSONL DATASETS_DIR [--ingest-key VENDOR=KEY]... "
                 "[--sender-secret SECRET]...\n",
                 argv[0]);
    return 2;
  }
  Checker checker;
  for (int i = 3; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 >= argc) {
      std::fprintf(stderr, "%s needs a value\n", arg.c_str());
      return 2;
    }
    std::string value = argv[++i];
    if (arg == "--ingest-key" && value.find('=') != std::string::npos) {
      checker.ingest_keys[value.substr(0, value.find('='))] = value.substr(value.find('=') + 1);
    } else if (arg == "--sender-secret" && !value.empty()) {
      checker.sender_secrets.push_back(value);
    } else {
      std::fprintf(stderr, "unknown argument %s\n", arg.c_str());
      return 2;
    }
  }
  for (const char* format : kFormats) checker.LoadDataset(argv[2], format);
  std::sort(checker.sender_secrets.begin(), checker.sender_secrets.end());
  checker.sender_secrets.erase(
      std::unique(checker.sender_secrets.begin(), checker.sender_secrets.end()),
      checker.sender_secrets.end());
  checker.ReadSink(argv[1]);
  checker.CheckSpans();
  checker.CheckCompleteness();

  std::printf("%-9s %8s %7s %7s %6s %6s %6s %6s %6s %9s %5s %8s\n", "vendor", "requests", "events",
              "values", "spans", "coll.", "fixed", "sent", "keys", "delivered", "dups", "failures");
  for (const char* format : kFormats) {
    const Vendor& v = checker.vendors[format];
    std::printf("%-9s %8ld %7ld %7zu %6zu %6ld %6ld %6ld %6zu %9zu %5ld %8ld\n", format, v.requests,
                v.events_delivered, v.forbidden.size(), v.spans.size(),
                v.collisions + v.span_collisions, v.fixed_points, v.events_sent, v.keys.size(),
                v.delivered.size(), v.key_copies - static_cast<long>(v.delivered.size()),
                v.failures);
  }
  std::printf(
      "requests, events: delivered to the sink; values, spans: distinct forbidden texts checked "
      "absent (whole leaves; inside leaves); coll.: left out as they also occur as allowed "
      "input; fixed: url/referrer/ip values that are their own generalized form, left out; "
      "sent: events posted; keys: their idempotency keys; delivered: keys seen at the sink; "
      "dups: extra copies\n");
  std::fflush(stdout);
  if (checker.failures > kShownFailures) {
    std::fprintf(stderr, "... %ld failures in all\n", checker.failures);
  }
  std::printf("%s\n", checker.failures == 0 ? "PASS" : "FAIL");
  std::fflush(stdout);
  return checker.failures == 0 ? 0 : 1;
}
