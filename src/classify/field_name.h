// Field-name normalization: `$emailAddress`, `email_address`, `contact.email` and `Email-Address`
// all become lowercase tokens (`email`, `address`), so one rule covers every spelling.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace metagate::classify {

// Appends the tokens of `name` to `out`: splits on every non-alphanumeric ASCII byte, on
// lower→upper case changes (`userId`), before the last capital of an acronym run (`IPAddress`)
// and between letters and digits (`line1`); lowercases ASCII. Non-ASCII bytes stay in tokens.
void AppendFieldTokens(std::string_view name, std::vector<std::string>& out);

// The tokens joined by '_': the canonical spelling rules are written in.
std::string CanonicalFieldName(std::string_view name);

}  // namespace metagate::classify
