// `metagate classify`: labels every field of request bodies with data classes, or scores
// labels against ground truth (--eval).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "commands.h"
#include "metagate/classify/classifier.h"
#include "metagate/classify/config.h"
#include "metagate/classify/eval.h"

namespace metagate::cli {

namespace {

// Opens `path` for reading, or standard input for "-" or "".
std::istream* OpenInput(const std::string& path, std::ifstream& file) {
  if (path.empty() || path == "-") return &std::cin;
  file.open(path, std::ios::binary);
  return file ? &file : nullptr;
}

// The built-in classifier needs no config; a given one must load (errors say file:line:col).
bool LoadConfig(const std::string& config_path, classify::ClassifierConfig& config) {
  if (config_path.empty()) return true;
  Result<classify::ClassifierConfig> loaded = classify::LoadClassifierConfig(config_path);
  if (!loaded.ok()) {
    std::fprintf(stderr, "metagate classify: %s\n", loaded.status().ToString().c_str());
    return false;
  }
  config = std::move(*loaded);
  return true;
}

int RunLabel(const std::string& format, const std::string& config_path, const std::string& input) {
  classify::ClassifierConfig config;
  if (!LoadConfig(config_path, config)) return 2;
  Result<std::shared_ptr<const classify::Classifier>> classifier =
      classify::Classifier::Create(config);
  if (!classifier.ok()) {
    std::string where = config_path.empty() ? "" : config_path + ":";
    std::fprintf(stderr, "metagate classify: %s%s\n", where.c_str(),
                 classifier.status().ToString().c_str());
    return 2;
  }
  std::ifstream file;
  std::istream* in = OpenInput(input, file);
  if (in == nullptr) {
    std::fprintf(stderr, "metagate classify: cannot open '%s'\n", input.c_str());
    return 2;
  }
  classify::ClassifierScratch scratch;
  std::string line, out;
  int64_t n = 0, failed = 0;
  while (std::getline(*in, line)) {
    classify::BodyLabels labels;
    Result<classify::BodyLabels> result = (*classifier)->Classify(format, line, scratch);
    if (result.ok()) {
      labels = std::move(*result);
    } else if (result.status().message().starts_with("unknown format")) {
      std::fprintf(stderr, "metagate classify: %s\n", result.status().message().c_str());
      return 2;
    } else {
      // Keep one output line per input line; the error never repeats the body's content.
      labels.error = result.status().message();
      std::fprintf(stderr, "metagate classify: line %lld: %s\n", static_cast<long long>(n),
                   labels.error.c_str());
      ++failed;
    }
    labels.line = n++;
    out.clear();
    classify::AppendLabelsJson(labels, out);
    out.push_back('\n');
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return failed == 0 ? 0 : 1;
}

int PrintTaxonomy(const std::string& config_path, bool as_cedar_entities) {
  classify::ClassifierConfig config;
  if (!LoadConfig(config_path, config)) return 2;
  classify::Taxonomy t = classify::Taxonomy::Builtin();
  for (const classify::ClassInfo& c : config.classes) {
    Result<classify::ClassId> id = t.Define(c);
    if (!id.ok()) {
      std::fprintf(stderr, "metagate classify: %s: %s\n", config_path.c_str(),
                   id.status().ToString().c_str());
      return 2;
    }
  }
  if (as_cedar_entities) {
    std::fputs(t.ToCedarEntitiesJson().c_str(), stdout);
    return 0;
  }
  std::printf("%-20s %-44s %s\n", "class", "groups", "ladder (then dropped)");
  for (size_t i = 0; i < t.size(); ++i) {
    const classify::ClassInfo& c = t.Info(static_cast<classify::ClassId>(i));
    std::string groups, ladder;
    for (const std::string& g : c.parents) groups += (groups.empty() ? "" : ", ") + g;
    for (classify::Form f : c.ladder) {
      ladder += (ladder.empty() ? "" : ", ") + std::string(classify::FormName(f));
    }
    std::printf("%-20s %-44s %s\n", c.name.c_str(), groups.c_str(), ladder.c_str());
  }
  return 0;
}

int RunEval(const std::string& truth_path, const std::string& predicted_path) {
  std::ifstream truth_file, predicted_file;
  std::istream* truth = OpenInput(truth_path, truth_file);
  std::istream* predicted = OpenInput(predicted_path, predicted_file);
  if (truth == nullptr || predicted == nullptr) {
    std::fprintf(stderr, "metagate classify: cannot open '%s'\n",
                 (truth == nullptr ? truth_path : predicted_path).c_str());
    return 2;
  }
  classify::EvalReport report;
  std::string tl, pl;
  int64_t n = 0;
  while (true) {
    bool has_t = static_cast<bool>(std::getline(*truth, tl));
    bool has_p = static_cast<bool>(std::getline(*predicted, pl));
    if (!has_t && !has_p) break;
    if (has_t != has_p) {
      std::fprintf(stderr, "metagate classify: %s has fewer lines than %s (line %lld)\n",
                   (has_t ? predicted_path : truth_path).c_str(),
                   (has_t ? truth_path : predicted_path).c_str(), static_cast<long long>(n + 1));
      return 2;
    }
    ++n;
    Result<classify::BodyLabels> t = classify::ParseLabelsJson(tl);
    Result<classify::BodyLabels> p = classify::ParseLabelsJson(pl);
    if (!t.ok() || !p.ok()) {
      std::fprintf(stderr, "metagate classify: %s line %lld: %s\n",
                   (!t.ok() ? truth_path : predicted_path).c_str(), static_cast<long long>(n),
                   (!t.ok() ? t.status() : p.status()).ToString().c_str());
      return 2;
    }
    if (t->line != p->line) {
      std::fprintf(stderr,
                   "metagate classify: line %lld: truth labels body %lld, prediction %lld\n",
                   static_cast<long long>(n), static_cast<long long>(t->line),
                   static_cast<long long>(p->line));
      return 2;
    }
    classify::Score(*t, *p, report);
  }
  std::fputs(classify::FormatReport(report).c_str(), stdout);
  return 0;
}

}  // namespace

int RunClassify(int argc, char** argv) {
  std::string formats;
  for (const std::string& f : classify::Classifier::Formats()) {
    formats += (formats.empty() ? "" : ", ") + f;
  }
  CLI::App app{
      "Labels every string and number field of vendor request bodies with data classes\n"
      "(email, ip_address, tenant_id, secret, ...), one JSON line per input line, in the label\n"
      "format of the bundled datasets: RFC 6901 paths, classes, and spans in code points for\n"
      "values inside longer text. A body that is not valid JSON gets a line with an \"error\".\n"
      "With --eval, scores a labels file against ground truth instead (precision, recall, F1\n"
      "per class, for fields and for spans).\n"
      "Exit status: 0 success; 1 some input line could not be classified; 2 bad usage or input.",
      "metagate classify"};
  std::string format, config, truth, input;
  bool eval = false;
  bool taxonomy = false;
  bool taxonomy_entities = false;
  app.add_option("--format,-f", format, "Wire format of the bodies: " + formats);
  app.add_option("--config,-c", config,
                 "YAML with extra classes, field-name rules and combination rules");
  app.add_flag("--eval", eval, "Score labels (the input) against --truth");
  app.add_option("--truth", truth, "Ground-truth labels file (with --eval)");
  app.add_flag("--taxonomy", taxonomy,
               "Print the data classes (with --config: including its classes), their groups "
               "and ladders of forms");
  app.add_flag("--taxonomy-entities", taxonomy_entities,
               "Print the taxonomy as Cedar entities JSON (DataClass entities with their groups "
               "as parents) for egress policies");
  app.add_option("input", input, "Events file (or labels file with --eval); default stdin");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (taxonomy || taxonomy_entities) return PrintTaxonomy(config, taxonomy_entities);
  if (eval) {
    if (truth.empty()) {
      std::fputs("metagate classify: --eval needs --truth FILE\n", stderr);
      return 2;
    }
    return RunEval(truth, input);
  }
  if (format.empty()) {
    std::fprintf(stderr, "metagate classify: --format is required (one of %s)\n", formats.c_str());
    return 2;
  }
  return RunLabel(format, config, input);
}

}  // namespace metagate::cli
