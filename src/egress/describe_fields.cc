// Pipeline::DescribeFields: the detectors' classes and a masked example of fields that wait for
// approval. Runs only when the approvals queue meets a field for the first time.
#include <unordered_map>

#include "pipeline_impl.h"

namespace metagate::egress {

namespace {

constexpr size_t kExampleChars = 24;

}  // namespace

std::string MaskExample(std::string_view text) {
  std::string out;
  size_t chars = 0;
  size_t i = 0;
  for (; i < text.size() && chars < kExampleChars; ++chars) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= '0' && c <= '9') {
        out.push_back('9');
      } else if ((c >= 'a' && c <= 'z')) {
        out.push_back('x');
      } else if (c >= 'A' && c <= 'Z') {
        out.push_back('X');
      } else if (c < 0x20 || c == 0x7f) {
        out.push_back(' ');
      } else {
        out.push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    out.push_back('x');  // any other character: its bytes are skipped whole
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  if (i < text.size()) out += "...";  // characters were left out
  return out;
}

Result<std::vector<FieldDescription>> Pipeline::DescribeFields(
    std::string_view vendor, std::string_view body, const std::vector<std::string>& pointers,
    PipelineScratch& scratch) const {
  const PipelineImpl& p = *impl_;
  auto v = p.vendors.find(std::string(vendor));
  if (v == p.vendors.end()) return Status::NotFound("unknown vendor '" + std::string(vendor) + "'");
  PipelineScratch::State& st = scratch.state();
  std::vector<FieldDescription> out(pointers.size());
  // The detectors' classes, by pointer (a format the classifier does not know has none).
  Result<classify::BodyLabels> labels =
      p.classifier->Classify(v->second.format->classifier_format, body, st.classifier);
  if (labels.ok()) {
    std::unordered_map<std::string_view, const classify::FieldLabel*> by_path;
    for (const classify::FieldLabel& f : labels->fields) by_path.emplace(f.path, &f);
    for (size_t i = 0; i < pointers.size(); ++i) {
      auto it = by_path.find(pointers[i]);
      if (it != by_path.end()) out[i].classes = it->second->classes;
    }
  }
  // The examples. Plans for this scratch stay valid: the parse below is only for reading.
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto err = parser.parse(body.data(), body.size()).get(root); err) {
    return Status::Invalid("the body is not valid JSON");
  }
  for (size_t i = 0; i < pointers.size(); ++i) {
    simdjson::dom::element el;
    if (root.at_pointer(pointers[i]).get(el) != simdjson::SUCCESS) continue;
    switch (el.type()) {
      case simdjson::dom::element_type::STRING:
        out[i].example = MaskExample(el.get_string().value_unsafe());
        break;
      case simdjson::dom::element_type::BOOL:
        out[i].example = "<boolean>";
        break;
      case simdjson::dom::element_type::NULL_VALUE:
        out[i].example = "null";
        break;
      case simdjson::dom::element_type::ARRAY:
      case simdjson::dom::element_type::OBJECT:
        out[i].example = "<container>";
        break;
      default:
        out[i].example = "<number>";
    }
  }
  return out;
}

}  // namespace metagate::egress
