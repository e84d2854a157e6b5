// Test helpers for the decision log: a temporary folder, whole-file line access, and SHA-256 /
// HMAC computed directly with OpenSSL so that tests do not check the log's hashes with the
// log's own code.
#pragma once

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "metagate_testing/temp_dir.h"

namespace metagate::governance::testing {

using TempDir = metagate::testing::TempDir;  // metagate_testing/temp_dir.h

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteAll(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

// The lines of `text` without their newlines (a last line without one included).
inline std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    lines.emplace_back(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  }
  return lines;
}

inline std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

inline std::string Hex(const unsigned char* p, unsigned int n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < n; ++i) {
    out += kDigits[p[i] >> 4];
    out += kDigits[p[i] & 0xf];
  }
  return out;
}

inline std::string TestSha256(std::string_view s) {
  unsigned char d[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(s.data(), s.size(), d, &n, EVP_sha256(), nullptr);
  return Hex(d, n);
}

inline std::string TestHmac(std::string_view key, std::string_view msg) {
  unsigned char d[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), d, &n);
  return Hex(d, n);
}

// The part of a line that its hash covers: everything before `,"hash":"`.
inline std::string_view HashedPart(std::string_view line) {
  return line.substr(0, line.rfind(R"(,"hash":")"));
}
inline std::string HashOf(std::string_view line) {
  size_t at = line.rfind(R"(,"hash":")");
  return std::string(line.substr(at + 9, 64));
}
inline std::string PrevOf(std::string_view line) {
  size_t at = line.rfind(R"(,"prev":")");
  return std::string(line.substr(at + 9, 64));
}
// Recomputes a line's hash after its hashed part changed, as an attacker without the key can.
inline std::string Reseal(std::string_view hashed_part) {
  return std::string(hashed_part) + R"(,"hash":")" + TestSha256(hashed_part) + "\"}";
}
// Returns `line` with its prev replaced and its hash recomputed.
inline std::string Rechain(std::string_view line, std::string_view prev) {
  std::string body(HashedPart(line));
  body.replace(body.size() - 65, 64, prev);
  return Reseal(body);
}

}  // namespace metagate::governance::testing
