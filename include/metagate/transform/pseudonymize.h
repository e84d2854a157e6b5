// Keyed pseudonyms: a stable, unlinkable-without-the-key token that replaces a personal value.
//
//   Pseudonymize(key, cls, value) =
//     "ps_" + key.id + "_" + base64url_nopad(HMAC-SHA256(key.secret, cls + ":" +
//     norm(value))[0:16])
//
// norm() depends on the class: "email" → trim + ASCII lowercase; "phone" → keep '+' and digits;
// anything else → trim surrounding ASCII whitespace.
//
// Key material is only held and compared in memory; no function here prints or logs it.
// Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace metagate::transform {

struct PseudonymKey {
  std::string id;      // public, appears in every pseudonym ("k1", "k1.vendor")
  std::string secret;  // raw key bytes; never printed
};

// Returns the class-specific normal form of `value` (see above).
std::string NormalizeForPseudonym(std::string_view cls, std::string_view value);

// Returns the pseudonym of `value` of class `cls` under `key`.
std::string Pseudonymize(const PseudonymKey& key, std::string_view cls, std::string_view value);
// Appends the same pseudonym to `out` without temporary strings (values of up to 256 bytes).
void AppendPseudonym(std::string& out, const PseudonymKey& key, std::string_view cls,
                     std::string_view value);

// Derives a per-vendor key so that two vendors receive unlinkable pseudonyms of the same value:
//   secret = HMAC-SHA256(master.secret, "metagate-vendor:" + vendor_id)   (32 bytes)
//   id     = master.id + "." + vendor_id
PseudonymKey DeriveVendorKey(const PseudonymKey& master, std::string_view vendor_id);

// Base64url (RFC 4648 §5) without '=' padding.
std::string Base64UrlNoPad(std::string_view bytes);

}  // namespace metagate::transform
