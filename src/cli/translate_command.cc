// `metagate translate`: converts Cedar files between the human-readable and the JSON formats.
// Schemas for now (`.cedarschema` <-> JSON schema); policies get a branch in Translate() once
// their JSON conversion exists.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <string_view>

#include "commands.h"
#include "metagate/cedar/schema.h"
#include "metagate/cedar/schema_json.h"
#include "metagate/common/file_util.h"
#include "metagate/common/json.h"

namespace metagate::cli {

namespace {

enum class Format { kCedar, kJson };
enum class InputKind { kSchemaText, kSchemaJson, kPolicyText, kPolicyJson };

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A JSON document is a policy (set) when it has the top-level keys of Cedar's JSON policy
// formats; anything else is taken as a schema, so that its errors are schema errors.
bool LooksLikeJsonPolicy(const json::Value& root) {
  if (!root.is_object()) return false;
  for (std::string_view key : {"effect", "staticPolicies", "templates", "templateLinks"}) {
    if (root.Find(key) != nullptr) return true;
  }
  return false;
}

// Text that declares `permit(` or `forbid(` is a policy set; other text is taken as a schema.
bool LooksLikePolicyText(std::string_view text) {
  for (std::string_view kw : {"permit", "forbid"}) {
    for (size_t pos = text.find(kw); pos != std::string_view::npos; pos = text.find(kw, pos + 1)) {
      size_t after = pos + kw.size();
      while (after < text.size() && (text[after] == ' ' || text[after] == '\t' ||
                                     text[after] == '\n' || text[after] == '\r')) {
        ++after;
      }
      if (after < text.size() && text[after] == '(') return true;
    }
  }
  return false;
}

// From the extension (`.cedarschema`, `.cedar`, `.json`), else from the content.
InputKind DetectKind(const std::string& path, const std::string& text) {
  if (EndsWith(path, ".cedarschema")) return InputKind::kSchemaText;
  if (EndsWith(path, ".cedar")) return InputKind::kPolicyText;
  size_t first = text.find_first_not_of(" \t\r\n");
  bool json_like = EndsWith(path, ".json") || (first != std::string::npos && text[first] == '{');
  if (json_like) {
    Result<json::Value> root = json::Parse(text);
    return root.ok() && LooksLikeJsonPolicy(*root) ? InputKind::kPolicyJson
                                                   : InputKind::kSchemaJson;
  }
  return LooksLikePolicyText(text) ? InputKind::kPolicyText : InputKind::kSchemaText;
}

Result<std::string> TranslateSchema(InputKind kind, const std::string& text, Format to) {
  Result<cedar::Schema> schema =
      kind == InputKind::kSchemaJson ? cedar::ParseSchemaJson(text) : cedar::ParseSchemaText(text);
  if (!schema.ok()) return schema.status();
  return to == Format::kJson ? cedar::SchemaToJson(*schema) : cedar::SchemaToText(*schema);
}

Result<std::string> Translate(InputKind kind, const std::string& text, Format to) {
  switch (kind) {
    case InputKind::kSchemaText:
    case InputKind::kSchemaJson:
      return TranslateSchema(kind, text, to);
    case InputKind::kPolicyText:
    case InputKind::kPolicyJson:
      return Status(StatusCode::kUnimplemented, "translating policies is not supported yet");
  }
  return Status::Internal("unknown input kind");
}

}  // namespace

int RunTranslate(int argc, char** argv) {
  CLI::App app{
      "Converts a Cedar schema between the `.cedarschema` format and the JSON schema format.\n"
      "The kind of input is taken from the file extension (.cedarschema, .cedar, .json), else\n"
      "from the content. Prints the result to standard output.",
      "metagate translate"};
  std::string to;
  std::string path;
  std::string output;
  app.add_option("--to", to, "Output format: json or cedar")
      ->required()
      ->check(CLI::IsMember({"json", "cedar"}));
  app.add_option("file", path, "Input file")->required();
  app.add_option("-o,--output", output, "Write to this file instead of standard output");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) {
    std::fprintf(stderr, "metagate translate: %s\n", text.status().ToString().c_str());
    return 2;
  }
  Format format = to == "json" ? Format::kJson : Format::kCedar;
  Result<std::string> out = Translate(DetectKind(path, *text), *text, format);
  if (!out.ok()) {
    std::fprintf(stderr, "metagate translate: %s\n",
                 out.status().WithContext(path).ToString().c_str());
    return 2;
  }
  if (!output.empty()) {
    Status st = WriteFileAtomic(output, *out);
    if (!st.ok()) {
      std::fprintf(stderr, "metagate translate: %s\n", st.ToString().c_str());
      return 2;
    }
    return 0;
  }
  std::fwrite(out->data(), 1, out->size(), stdout);
  return 0;
}

}  // namespace metagate::cli
