// Fuzzes the form-urlencoded decoders of the gateway (UrlDecode, Mixpanel's `data=` field) and
// metagate::base64. Properties: decoding never lengthens its input; Decode(Encode(x)) == x;
// percent-encoding every byte of x and URL-decoding gives x back; a form whose `data` field is
// the URL-encoded base64 of x yields x.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "body_decoding.h"
#include "metagate/common/base64.h"

using namespace metagate;
using namespace metagate::gateway;

namespace {

std::string PercentEncodeAll(std::string_view in) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : in) {
    out.push_back('%');
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);

  std::optional<std::string> url = UrlDecode(in);
  if (url && url->size() > in.size()) __builtin_trap();
  std::optional<std::string> back = UrlDecode(PercentEncodeAll(in));
  if (!back || *back != in) __builtin_trap();

  Result<std::string> form = MixpanelFormData(in);
  if (form.ok() && form->size() > in.size()) __builtin_trap();

  std::optional<std::string> decoded = base64::Decode(in);
  if (decoded && decoded->size() > in.size()) __builtin_trap();
  std::string encoded = base64::Encode(in);
  std::optional<std::string> round = base64::Decode(encoded);
  if (!round || *round != in) __builtin_trap();

  // A Mixpanel SDK's post: data=<base64 of the JSON>, URL-encoded ('+', '/' and '=' escaped).
  std::string post = "ip=1&data=" + PercentEncodeAll(encoded) + "&verbose=1";
  Result<std::string> field = MixpanelFormData(post);
  if (!field.ok() || *field != in) __builtin_trap();
  return 0;
}
