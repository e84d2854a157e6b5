// Classifier: labels every string and number leaf of a vendor request body with data classes,
// from field-name rules, value detectors, free-text spans and combination rules.
// A Classifier is immutable and thread-safe; a ClassifierScratch is per thread.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/classify/class_id.h"
#include "metagate/classify/labels.h"
#include "metagate/classify/taxonomy.h"
#include "metagate/common/status.h"

namespace metagate::classify {

struct ClassifierConfig;
class ClassifierImpl;

// Per-thread working memory: the JSON parser and caches. Reuse it across calls.
class ClassifierScratch {
 public:
  ClassifierScratch();
  ~ClassifierScratch();
  ClassifierScratch(const ClassifierScratch&) = delete;
  ClassifierScratch& operator=(const ClassifierScratch&) = delete;

 private:
  friend class ClassifierImpl;
  struct State;
  std::unique_ptr<State> state_;
};

class Classifier {
 public:
  // Built-in rules plus `config` (which may add classes, field names and combination rules).
  static Result<std::shared_ptr<const Classifier>> Create(const ClassifierConfig& config);
  ~Classifier();

  // Classifies one request body of `format` ("segment", "mixpanel", "amplitude", "posthog",
  // "otlp-logs", "llm"). Fails with an actionable message for an unknown format or bad JSON.
  Result<BodyLabels> Classify(std::string_view format, std::string_view body,
                              ClassifierScratch& scratch) const;

  const Taxonomy& taxonomy() const;

  // The names of the supported wire formats.
  static std::vector<std::string> Formats();

 private:
  explicit Classifier(std::unique_ptr<ClassifierImpl> impl);
  std::unique_ptr<ClassifierImpl> impl_;
};

}  // namespace metagate::classify
