// TextScanner: finds sensitive values inside free text in one Vectorscan pass, confirmed by the
// value detectors of this directory.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "metagate/classify/finding.h"
#include "metagate/common/status.h"

struct hs_database;

namespace metagate::classify::detect {

class TextScanner {
 public:
  // Compiles the Vectorscan database once.
  static Result<std::shared_ptr<const TextScanner>> Create();

  ~TextScanner();
  TextScanner(const TextScanner&) = delete;
  TextScanner& operator=(const TextScanner&) = delete;

  // Appends the confirmed findings in `text`, sorted by begin, as byte spans: email (also
  // percent-encoded `%40`), ip_address, phone, credit_card, iban, national_id (US SSN) and secret
  // (known key formats, JWTs, tokens after `Bearer`/`Token`/`Basic`; the whole `Bearer xxx` when
  // the text is exactly an Authorization value). URLs are not reported. Overlapping candidates:
  // the longest confirmed one wins. Thread-safe (one Vectorscan scratch per thread).
  void Scan(std::string_view text, Findings& out) const;

 private:
  explicit TextScanner(hs_database* db);

  hs_database* db_;
  uint64_t id_;  // tells the per-thread scratch which databases it is already sized for
};

}  // namespace metagate::classify::detect
