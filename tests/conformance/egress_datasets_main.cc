// Checks the egress pipeline against the labelled datasets (../shared/datasets): every body of
// every wire format goes through Pipeline::Filter as in `metagate filter`, and each output is
// checked against the ground-truth labels.
//
//   egress_datasets_check CONFIG DATASETS_DIR enforce|observe|catalog
//
// enforce: no labelled value of a class outside RAW_OK reaches the output raw (its decision is
//          not raw; dropped, pseudonymized and redacted values and spans do not occur in the
//          output text); the sender's vendor credential is replaced by the configured one.
// observe: the output is the input (credential aside) and the decisions are enforce's.
// catalog: fields the catalog does not list are dropped and recorded as pending; labelled values
//          outside RAW_OK do not leave raw.
#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "metagate/classify/labels.h"
#include "metagate/common/json.h"
#include "metagate/common/utf8.h"
#include "metagate/egress/config.h"
#include "metagate/egress/pipeline.h"

namespace {

using metagate::egress::FieldDecision;
using metagate::egress::FilterResult;

const std::set<std::string> kRawOk = {"unclassified", "country",         "model_name",
                                      "error_code",   "prompt_category", "tool_name"};
const char* const kFormats[] = {"segment", "mixpanel", "amplitude", "posthog", "otlp-logs", "llm"};
constexpr size_t kMinChecked = 5;  // shorter values may occur in the output by coincidence

struct Counts {
  long lines = 0, events = 0, labelled = 0, values_checked = 0, spans_checked = 0, pending = 0;
  long catalog_kept = 0;  // catalogued fields that left in some form
  long failures = 0;
};

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// The JSON-escaped text of a string without its quotes, as it would appear in the output.
std::string Escaped(std::string_view s) {
  std::string q;
  metagate::json::AppendQuoted(q, s);
  return q.substr(1, q.size() - 2);
}

// The value at `pointer` as text (strings unescaped, numbers as written by simdjson), or "".
std::string ValueAt(simdjson::dom::element root, const std::string& pointer, bool& is_string) {
  simdjson::dom::element el;
  is_string = false;
  if (root.at_pointer(pointer).get(el)) return "";
  std::string_view s;
  if (!el.get_string().get(s)) {
    is_string = true;
    return std::string(s);
  }
  if (el.is_number()) return simdjson::minify(el);
  return "";
}

// The vendor credential the sender wrote, if the format carries one in the body.
std::string CredentialIn(const std::string& format, simdjson::dom::element root) {
  std::string_view s;
  if ((format == "amplitude" || format == "posthog") && !root["api_key"].get_string().get(s)) {
    return std::string(s);
  }
  if (format == "mixpanel" && root.is_array()) {
    simdjson::dom::array arr = root.get_array().value_unsafe();
    for (simdjson::dom::element e : arr) {
      if (!e.at_pointer("/properties/token").get_string().get(s)) return std::string(s);
    }
  }
  if ((format == "segment" || format == "llm") && !root["writeKey"].get_string().get(s)) {
    return std::string(s);
  }
  return "";
}

class Checker {
 public:
  Checker(std::string mode, std::string ingest_key) : mode_(std::move(mode)), key_(ingest_key) {}

  void Fail(const std::string& format, size_t line, const std::string& what) {
    ++c_.failures;
    if (c_.failures <= 40) {
      std::fprintf(stderr, "FAIL %s line %zu: %s\n", format.c_str(), line, what.c_str());
    }
  }

  void CheckLine(const std::string& format, size_t n, const std::string& body,
                 const metagate::classify::BodyLabels& labels, const FilterResult& r) {
    ++c_.lines;
    c_.events += static_cast<long>(r.events.size());
    simdjson::dom::parser in_parser, out_parser;
    simdjson::dom::element in, out;
    if (in_parser.parse(body).get(in)) return Fail(format, n, "input does not parse");
    if (!r.forwarded) return Fail(format, n, "nothing forwarded (every event is permitted)");
    if (out_parser.parse(r.body).get(out)) return Fail(format, n, "output is not valid JSON");
    std::unordered_map<std::string, const FieldDecision*> by_path;
    for (const FieldDecision& d : r.fields) by_path.emplace(d.path, &d);

    std::string credential = CredentialIn(format, in);
    if (!credential.empty()) {
      if (r.body.find(Escaped(credential)) != std::string::npos) {
        Fail(format, n, "the sender's vendor credential left");
      }
      bool replaced_expected =
          format != "otlp-logs" && (mode_ != "catalog" || format == "mixpanel");
      if (replaced_expected && r.body.find(key_) == std::string::npos) {
        Fail(format, n, "the configured ingest key is not in the output");
      }
    }
    if (mode_ == "observe") {
      std::string want = simdjson::minify(in);
      if (!credential.empty()) {
        std::string cred = "\"" + Escaped(credential) + "\"";
        std::string repl = "\"" + key_ + "\"";
        for (size_t p = 0; (p = want.find(cred, p)) != std::string::npos; p += repl.size()) {
          want.replace(p, cred.size(), repl);
        }
      }
      if (simdjson::minify(out) != want) Fail(format, n, "observe mode changed the body");
    }
    if (mode_ == "catalog") {
      for (const FieldDecision& d : r.fields) {
        if (d.source == metagate::egress::ClassSource::kCatalog && d.form != "dropped") {
          ++c_.catalog_kept;
        }
        if (!d.pending) continue;
        ++c_.pending;
        if (d.form != "dropped") Fail(format, n, "unknown field " + d.path + " was not dropped");
      }
    }

    for (const metagate::classify::FieldLabel& f : labels.fields) {
      bool sensitive = false;
      for (const std::string& c : f.classes) sensitive = sensitive || !kRawOk.count(c);
      if (!sensitive) continue;
      ++c_.labelled;
      auto it = by_path.find(f.path);
      if (it == by_path.end()) {
        Fail(format, n, "labelled field " + f.path + " has no decision");
        continue;
      }
      const FieldDecision& d = *it->second;
      if (d.form == "raw") {
        Fail(format, n, "labelled field " + f.path + " (" + f.classes[0] + ") leaves raw");
        continue;
      }
      if (mode_ == "observe" || d.form == "generalized") continue;  // may equal the raw value
      bool is_string = false;
      std::string value = ValueAt(in, f.path, is_string);
      bool spans_only = d.form == "redacted" && !f.spans.empty();
      if (!spans_only && value.size() >= kMinChecked) {
        ++c_.values_checked;
        std::string needle = is_string ? Escaped(value) : value;
        if (r.body.find(needle) != std::string::npos) {
          Fail(format, n, "the value of " + f.path + " (" + d.form + ") occurs in the output");
        }
      }
      if (spans_only) {
        for (const metagate::classify::LabelSpan& s : f.spans) {
          if (kRawOk.count(s.cls)) continue;
          size_t b = metagate::utf8::ByteOffsetOfCodePoint(value, s.begin),
                 e = metagate::utf8::ByteOffsetOfCodePoint(value, s.end);
          if (e - b < kMinChecked - 1) continue;
          ++c_.spans_checked;
          if (r.body.find(Escaped(value.substr(b, e - b))) != std::string::npos) {
            Fail(format, n, "a " + s.cls + " span of " + f.path + " occurs in the output");
          }
        }
      }
    }
  }

  const Counts& counts() const { return c_; }

 private:
  std::string mode_;
  std::string key_;
  Counts c_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s CONFIG DATASETS_DIR enforce|observe|catalog\n", argv[0]);
    return 2;
  }
  std::string config_path = argv[1], dir = argv[2], mode = argv[3];
  const char* key = std::getenv("METAGATE_TEST_INGEST_KEY");
  if (key == nullptr) {
    std::fprintf(stderr, "set METAGATE_TEST_INGEST_KEY\n");
    return 2;
  }
  auto config = metagate::egress::LoadEgressConfig(config_path);
  if (!config.ok()) {
    std::fprintf(stderr, "%s\n", config.status().ToString().c_str());
    return 2;
  }
  auto pipeline = metagate::egress::Pipeline::Create(*config);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n", pipeline.status().ToString().c_str());
    return 2;
  }
  long failures = 0;
  for (const char* format : kFormats) {
    std::vector<std::string> events = ReadLines(dir + "/" + format + ".events.jsonl");
    std::vector<std::string> labels = ReadLines(dir + "/" + format + ".labels.jsonl");
    if (events.empty() || events.size() != labels.size()) {
      std::fprintf(stderr, "FAIL %s: missing or mismatched dataset files in %s\n", format,
                   dir.c_str());
      ++failures;
      continue;
    }
    Checker checker(mode, key);
    metagate::egress::PipelineScratch scratch;
    for (size_t i = 0; i < events.size(); ++i) {
      auto parsed = metagate::classify::ParseLabelsJson(labels[i]);
      if (!parsed.ok()) {
        checker.Fail(format, i + 1, "labels do not parse");
        continue;
      }
      auto r = (*pipeline)->Filter("app", format, events[i], scratch);
      if (!r.ok()) {
        checker.Fail(format, i + 1, "filter failed: " + r.status().ToString());
        continue;
      }
      checker.CheckLine(format, i + 1, events[i], *parsed, *r);
    }
    const Counts& c = checker.counts();
    std::printf(
        "%-10s %s: %ld bodies, %ld events, %ld sensitive labelled fields, %ld values and %ld "
        "spans checked absent, %ld pending fields dropped, %ld failures\n",
        format, mode.c_str(), c.lines, c.events, c.labelled, c.values_checked, c.spans_checked,
        c.pending, c.failures);
    if (mode == "catalog" && (c.pending == 0 || c.catalog_kept == 0)) {
      std::fprintf(stderr,
                   "FAIL %s: no unknown field was recorded as pending, or no catalogued "
                   "field left\n",
                   format);
      ++failures;
    }
    failures += c.failures;
  }
  std::printf("%s\n", failures == 0 ? "PASS" : "FAIL");
  return failures == 0 ? 0 : 1;
}
