// Value checks: whether a value fits what a field-name rule announces (field_rules.h), and the
// placeholders (`$direct`, `null`, `-`, …) that never count as data.
#pragma once

#include <string_view>

#include "field_rules.h"

namespace metagate::classify {

bool IsPlaceholder(std::string_view s);
bool PassesCheck(ValueCheck check, std::string_view value);
bool PassesNumberCheck(ValueCheck check, double value);

}  // namespace metagate::classify
