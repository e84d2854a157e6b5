// The names the config and decision records use for modes and unknown-data policies.
#include "metagate/egress/config.h"

namespace metagate::egress {

std::string_view ModeName(Mode m) {
  switch (m) {
    case Mode::kEnforce:
      return "enforce";
    case Mode::kObserve:
      return "observe";
    case Mode::kDiscover:
      return "discover";
  }
  return "enforce";
}

std::string_view UnknownFieldsName(UnknownFields u) {
  switch (u) {
    case UnknownFields::kDrop:
      return "drop";
    case UnknownFields::kBlock:
      return "block";
    case UnknownFields::kClassify:
      return "classify";
  }
  return "drop";
}

std::string_view UnknownEventsName(UnknownEvents u) {
  return u == UnknownEvents::kAllow ? "allow" : "block";
}

}  // namespace metagate::egress
