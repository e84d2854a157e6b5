// ClassId: a small integer naming one data class of the taxonomy (email, ip_address, …).
// Built-in classes have fixed ids; classes added in config get ids after them.
#pragma once

#include <cstdint>
#include <string_view>

namespace metagate::classify {

using ClassId = uint16_t;
inline constexpr ClassId kNoClass = 0xffff;

// The built-in leaf classes, in the order of ../shared/datasets/README.md's taxonomy.
enum BuiltinClass : ClassId {
  kEmail,
  kPhone,
  kPersonName,
  kIpAddress,
  kStreetAddress,
  kCity,
  kRegion,
  kCountry,
  kPostalCode,
  kGeoCoordinates,
  kUserId,
  kDeviceId,
  kSessionId,
  kOrgId,
  kTenantId,
  kAccountId,
  kCreditCard,
  kIban,
  kNationalId,
  kSecret,
  kUserAgent,
  kUrl,
  kReferrer,
  kPromptText,
  kPromptCategory,
  kToolName,
  kKnowledgeBaseId,
  kModelName,
  kErrorCode,
  kDeviceFingerprint,
  kBuiltinLeafCount,
};

}  // namespace metagate::classify
