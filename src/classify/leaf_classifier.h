// LeafClassifier: the classes of one leaf value, from its field-name rule and its content.
// Embedded values (inside URLs and free text) come back as byte-range findings.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "detect/text_scanner.h"
#include "field_rules.h"
#include "metagate/classify/finding.h"

namespace metagate::classify {

struct LeafClasses {
  std::vector<ClassId> whole;  // classes of the whole value
  Findings embedded;           // values inside it (byte ranges), sorted, non-overlapping
  bool spans_always = false;   // free text: report spans even when one covers the whole value
  void clear() {
    whole.clear();
    embedded.clear();
    spans_always = false;
  }
};

class LeafClassifier {
 public:
  explicit LeafClassifier(std::shared_ptr<const detect::TextScanner> scanner)
      : scanner_(std::move(scanner)) {}

  // `rule` may be null (no name rule matched).
  void ClassifyString(std::string_view value, const FieldRule* rule, LeafClasses& out) const;
  void ClassifyNumber(double value, const FieldRule* rule, LeafClasses& out) const;

 private:
  void DetectWhole(std::string_view value, LeafClasses& out) const;
  void FindInFreeText(std::string_view value, LeafClasses& out) const;
  std::shared_ptr<const detect::TextScanner> scanner_;
};

}  // namespace metagate::classify
