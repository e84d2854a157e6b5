#include <string>

#include "metagate/classify/labels.h"
#include "metagate/common/json.h"

namespace metagate::classify {

void AppendLabelsJson(const BodyLabels& labels, std::string& out) {
  out += "{\"line\":";
  out += std::to_string(labels.line);
  out += ",\"fields\":[";
  bool first_field = true;
  for (const FieldLabel& f : labels.fields) {
    if (!first_field) out.push_back(',');
    first_field = false;
    out += "{\"path\":";
    json::AppendQuoted(out, f.path);
    out += ",\"classes\":[";
    for (size_t i = 0; i < f.classes.size(); ++i) {
      if (i) out.push_back(',');
      json::AppendQuoted(out, f.classes[i]);
    }
    out.push_back(']');
    if (!f.spans.empty()) {
      out += ",\"spans\":[";
      for (size_t i = 0; i < f.spans.size(); ++i) {
        if (i) out.push_back(',');
        out.push_back('[');
        out += std::to_string(f.spans[i].begin);
        out.push_back(',');
        out += std::to_string(f.spans[i].end);
        out.push_back(',');
        json::AppendQuoted(out, f.spans[i].cls);
        out.push_back(']');
      }
      out.push_back(']');
    }
    out.push_back('}');
  }
  out.push_back(']');
  if (!labels.error.empty()) {
    out += ",\"error\":";
    json::AppendQuoted(out, labels.error);
  }
  out.push_back('}');
}

namespace {

Status Bad(const json::Value& at, const std::string& what) {
  return Status::Invalid("labels: " + what, at.loc());
}

Result<uint32_t> Offset(const json::Value& v) {
  if (!v.is_int() || v.as_int() < 0 || v.as_int() > UINT32_MAX) {
    return Bad(v, "a span offset must be a non-negative integer");
  }
  return static_cast<uint32_t>(v.as_int());
}

}  // namespace

Result<BodyLabels> ParseLabelsJson(std::string_view line) {
  ASSIGN_OR_RETURN(json::Value root, json::Parse(line));
  if (!root.is_object()) return Bad(root, "a labels line must be a JSON object");
  BodyLabels out;
  const json::Value* n = root.Find("line");
  if (n == nullptr || !n->is_int()) return Bad(root, "\"line\" must be an integer");
  out.line = n->as_int();
  const json::Value* fields = root.Find("fields");
  if (fields == nullptr || !fields->is_array()) return Bad(root, "\"fields\" must be an array");
  for (const json::Value& f : fields->items()) {
    FieldLabel label;
    const json::Value* path = f.Find("path");
    const json::Value* classes = f.Find("classes");
    if (path == nullptr || !path->is_string()) return Bad(f, "\"path\" must be a string");
    if (classes == nullptr || !classes->is_array()) return Bad(f, "\"classes\" must be an array");
    label.path = path->as_string();
    for (const json::Value& c : classes->items()) {
      if (!c.is_string()) return Bad(c, "a class must be a string");
      label.classes.push_back(c.as_string());
    }
    if (const json::Value* spans = f.Find("spans"); spans != nullptr) {
      if (!spans->is_array()) return Bad(*spans, "\"spans\" must be an array");
      for (const json::Value& s : spans->items()) {
        if (!s.is_array() || s.items().size() != 3 || !s.items()[2].is_string()) {
          return Bad(s, "a span must be [begin, end, class]");
        }
        ASSIGN_OR_RETURN(uint32_t b, Offset(s.items()[0]));
        ASSIGN_OR_RETURN(uint32_t e, Offset(s.items()[1]));
        if (e < b) return Bad(s, "a span must not end before it begins");
        label.spans.push_back({b, e, s.items()[2].as_string()});
      }
    }
    out.fields.push_back(std::move(label));
  }
  if (const json::Value* err = root.Find("error"); err != nullptr && err->is_string()) {
    out.error = err->as_string();
  }
  return out;
}

}  // namespace metagate::classify
