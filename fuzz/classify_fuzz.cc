// Fuzzes the event decoders and detectors: the first byte picks a wire format, the rest is the
// request body; the same bytes also go straight to the free-text and URL detectors.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detect/text_scanner.h"
#include "detect/url.h"
#include "leaf_classifier.h"
#include "metagate/classify/classifier.h"
#include "metagate/classify/config.h"
#include "text/address.h"
#include "text/person_name.h"

using namespace metagate::classify;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto classifier = *Classifier::Create({});
  static const auto scanner = *detect::TextScanner::Create();
  static ClassifierScratch scratch;
  if (size == 0) return 0;
  const std::vector<std::string> formats = Classifier::Formats();
  std::string_view format = formats[data[0] % formats.size()];
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  auto labels = classifier->Classify(format, body, scratch);
  if (labels.ok()) {
    std::string out;
    AppendLabelsJson(*labels, out);
    auto back = ParseLabelsJson(out);
    if (!back.ok() || back->fields.size() != labels->fields.size()) __builtin_trap();
  }
  Findings found;
  scanner->Scan(body, found);
  text::FindPersonNames(body, found);
  text::FindAddresses(body, found);
  detect::FindInUrl(body, found);
  for (const Finding& f : found) {
    if (f.begin > f.end || f.end > body.size()) __builtin_trap();
  }
  return 0;
}
