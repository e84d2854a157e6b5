#include "metagate/common/status.h"

#include <string>

namespace metagate {

std::string SourceLoc::ToString() const {
  if (!known()) return "";
  return std::to_string(line) + ":" + std::to_string(column);
}

SourceLoc LocateOffset(const std::string& text, size_t offset) {
  SourceLoc loc;
  loc.line = 1;
  loc.column = 1;
  if (offset > text.size()) offset = text.size();
  loc.offset = static_cast<uint32_t>(offset);
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++loc.line;
      loc.column = 1;
    } else {
      ++loc.column;
    }
  }
  return loc;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  if (loc_.known()) return loc_.ToString() + ": " + message_;
  return message_;
}

Status Status::WithContext(const std::string& context) const {
  if (ok()) return *this;
  Status s = *this;
  if (loc_.known()) {
    s.message_ = context + ":" + loc_.ToString() + ": " + message_;
    s.loc_ = SourceLoc{};
  } else {
    s.message_ = context + ": " + message_;
  }
  return s;
}

}  // namespace metagate
