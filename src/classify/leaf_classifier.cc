#include "leaf_classifier.h"

#include <algorithm>

#include "detect/card.h"
#include "detect/email.h"
#include "detect/iban.h"
#include "detect/ip.h"
#include "detect/national_id.h"
#include "detect/phone.h"
#include "detect/secret.h"
#include "detect/url.h"
#include "detect/user_agent.h"
#include "text/address.h"
#include "text/person_name.h"
#include "value_checks.h"

namespace metagate::classify {
namespace {

bool IsIdentifierClass(ClassId c) {
  return c == kUserId || c == kDeviceId || c == kSessionId || c == kOrgId || c == kTenantId ||
         c == kAccountId;
}

bool HasSpace(std::string_view s) { return s.find(' ') != std::string_view::npos; }

// Sorts findings and drops any that overlaps an earlier, longer one (in place).
void Normalize(Findings& f) {
  std::sort(f.begin(), f.end(), [](const Finding& a, const Finding& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  size_t kept = 0;
  for (const Finding& x : f) {
    if (x.end <= x.begin) continue;
    if (kept > 0 && x.begin < f[kept - 1].end) {
      Finding& last = f[kept - 1];
      if (x.end - x.begin > last.end - last.begin) last = x;
      continue;
    }
    f[kept++] = x;
  }
  f.resize(kept);
}

}  // namespace

void LeafClassifier::ClassifyString(std::string_view value, const FieldRule* rule,
                                    LeafClasses& out) const {
  out.clear();
  if (value.empty()) return;
  if (rule != nullptr) {
    switch (rule->kind) {
      case RuleKind::kNoDetect:
        return;
      case RuleKind::kPrompt:
        if (IsPlaceholder(value)) return;
        out.whole.push_back(kPromptText);
        out.spans_always = true;
        FindInFreeText(value, out);
        return;
      case RuleKind::kFreeText:
        out.spans_always = true;
        FindInFreeText(value, out);
        return;
      case RuleKind::kClass:
        if (PassesCheck(rule->check, value)) {
          ClassId cls = rule->cls;
          if (cls == kUserId && value.starts_with("$device:")) cls = kDeviceId;
          out.whole.push_back(cls);
          if (cls == kUrl || cls == kReferrer) {
            detect::FindInUrl(value, out.embedded);
            Normalize(out.embedded);
          } else if (IsIdentifierClass(cls) && detect::IsEmail(value)) {
            out.whole.push_back(kEmail);
          }
          return;
        }
        break;  // the name promised a class the value does not have: look at the value alone
    }
  }
  DetectWhole(value, out);
}

void LeafClassifier::DetectWhole(std::string_view v, LeafClasses& out) const {
  if (IsPlaceholder(v)) return;
  if (detect::IsEmail(v)) {
    out.whole.push_back(kEmail);
  } else if (detect::IsUrl(v)) {
    out.whole.push_back(kUrl);
    detect::FindInUrl(v, out.embedded);
    Normalize(out.embedded);
  } else if (detect::IsIp(v)) {
    out.whole.push_back(kIpAddress);
  } else if (detect::IsSecret(v)) {
    out.whole.push_back(kSecret);
  } else if (detect::IsCreditCard(v)) {
    out.whole.push_back(kCreditCard);
  } else if (detect::IsIban(v)) {
    out.whole.push_back(kIban);
  } else if (detect::IsUsSsn(v)) {
    out.whole.push_back(kNationalId);
  } else if (detect::IsPhone(v)) {
    out.whole.push_back(kPhone);
  } else if (detect::IsUserAgent(v)) {
    out.whole.push_back(kUserAgent);
  } else if (HasSpace(v)) {
    // Text under a name no rule knows: report only what the validated detectors confirm.
    scanner_->Scan(v, out.embedded);
    Normalize(out.embedded);
  }
}

void LeafClassifier::FindInFreeText(std::string_view value, LeafClasses& out) const {
  scanner_->Scan(value, out.embedded);
  text::FindPersonNames(value, out.embedded);
  text::FindAddresses(value, out.embedded);
  Normalize(out.embedded);
}

void LeafClassifier::ClassifyNumber(double value, const FieldRule* rule, LeafClasses& out) const {
  out.clear();
  if (rule == nullptr || rule->kind != RuleKind::kClass) return;
  if (PassesNumberCheck(rule->check, value)) out.whole.push_back(rule->cls);
}

}  // namespace metagate::classify
