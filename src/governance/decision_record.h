// Internal: the bytes of one decision-log line and of the head file, shared by the writer, the
// verifier and the readers, and the SHA-256 / HMAC-SHA256 helpers they hash with. A line is
//   {"seq":N,"ts":"2026-11-30T12:00:00.123Z","kind":"K",<members>,"prev":"<64 hex>","hash":"<64
//   hex>"}
// where hash = SHA-256 of the bytes before `,"hash":`. Stateless functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "metagate/common/digest.h"
#include "metagate/common/status.h"

namespace metagate::governance::internal {

inline constexpr std::string_view kZeroHash =
    "0000000000000000000000000000000000000000000000000000000000000000";
inline constexpr std::string_view kCheckpointKind = "checkpoint";

using metagate::HmacSha256Hex;  // common/digest.h
using metagate::Sha256Hex;
// Whether `s` is exactly 64 lowercase hex digits.
bool IsHash(std::string_view s);

// Returns `unix_ms` as UTC ISO 8601 with milliseconds: "2026-11-30T12:00:00.123Z".
std::string FormatTimestamp(int64_t unix_ms);

// Appends the hashed part of a line: from '{' to the closing quote of "prev". `kind` must be
// a record kind (see IsRecordKind); `members` is empty or the text of JSON object members.
void AppendRecordBody(std::string& out, uint64_t seq, std::string_view ts, std::string_view kind,
                      std::string_view members, std::string_view prev);
// Appends `,"hash":"<hash>"}` and the newline.
void AppendRecordEnd(std::string& out, std::string_view hash);
// Whether `kind` is 1-64 characters of [a-z0-9_.-].
bool IsRecordKind(std::string_view kind);

// One line taken apart; the views point into the line.
struct ParsedLine {
  uint64_t seq = 0;
  std::string_view ts;
  std::string_view kind;
  std::string_view members;  // without the leading comma; may be empty
  std::string_view prev;
  std::string_view hash;
  std::string_view body;  // the hashed bytes
};

// Takes apart one line (without its newline). The error says which part is malformed.
Result<ParsedLine> ParseRecordLine(std::string_view line);

// The members of a checkpoint record: "key_id":"ID","mac":"HMAC(key, prev)".
std::string CheckpointMembers(std::string_view key_id, std::string_view mac);
// Reads the MAC out of checkpoint members; an error when they are not shaped as written.
Result<std::string_view> CheckpointMac(std::string_view members);

// The head file: the last checkpoint's seq and hash, with HMAC(key, "seq:hash").
struct Head {
  uint64_t seq = 0;
  std::string hash;
  std::string mac;
};
std::string HeadMac(std::string_view key, uint64_t seq, std::string_view hash);
std::string FormatHead(const Head& head);
Result<Head> ParseHead(std::string_view text);

// Writes `contents` to `path` so that a crash leaves either the old or the new file: a temporary
// file is written and fsync'd, renamed over `path`, and the folder is fsync'd.
Status WriteFileDurably(const std::string& path, std::string_view contents);

}  // namespace metagate::governance::internal
