// Tape: read access to simdjson's DOM tape (its documented layout, doc/tape.md), so the hot walks
// of an event run as one loop over tape words instead of recursive element iteration. Elements
// keep their position private; this reaches it through the class simdjson befriends for its own
// serializer (an explicit specialization for a tag type of ours). tape_access_test.cc pins the
// layout this relies on against the element API.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <cstring>
#include <string_view>

namespace metagate::egress {
struct TapeTag {};
}  // namespace metagate::egress

template <>
class simdjson::internal::string_builder<metagate::egress::TapeTag> {
 public:
  static size_t Index(simdjson::dom::element e) { return e.tape.json_index; }
  static const simdjson::dom::document* Doc(simdjson::dom::element e) { return e.tape.doc; }
  static simdjson::dom::element At(const simdjson::dom::document* doc, size_t index) {
    return simdjson::dom::element(simdjson::internal::tape_ref(doc, index));
  }
};

namespace metagate::egress {

// One element's document seen as its words: type in the top byte, payload below.
class Tape {
 public:
  using Access = simdjson::internal::string_builder<TapeTag>;

  explicit Tape(simdjson::dom::element any)
      : doc_(Access::Doc(any)), words_(doc_->tape.get()), strings_(doc_->string_buf.get()) {}

  static size_t IndexOf(simdjson::dom::element e) { return Access::Index(e); }
  simdjson::dom::element At(size_t i) const { return Access::At(doc_, i); }

  char Type(size_t i) const { return static_cast<char>(words_[i] >> 56); }
  // A container's start: the index just past its matching end.
  size_t After(size_t i) const { return static_cast<uint32_t>(words_[i]); }
  // A container's start: its member or item count (saturated at 0xFFFFFF).
  uint32_t Count(size_t i) const {
    return static_cast<uint32_t>((words_[i] >> 32) & simdjson::internal::JSON_COUNT_MASK);
  }
  // The index just past the value starting at `i`.
  size_t Next(size_t i) const {
    switch (Type(i)) {
      case '{':
      case '[':
        return After(i);
      case 'l':
      case 'u':
      case 'd':
        return i + 2;
      default:
        return i + 1;
    }
  }
  std::string_view String(size_t i) const {
    const uint8_t* p = strings_ + (words_[i] & simdjson::internal::JSON_VALUE_MASK);
    uint32_t len;
    std::memcpy(&len, p, sizeof len);
    return std::string_view(reinterpret_cast<const char*>(p + sizeof len), len);
  }

 private:
  const simdjson::dom::document* doc_;
  const uint64_t* words_;
  const uint8_t* strings_;
};

}  // namespace metagate::egress
