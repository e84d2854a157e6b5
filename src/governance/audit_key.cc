#include "metagate/governance/audit_key.h"

#include <fcntl.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "metagate/common/file_util.h"

namespace metagate::governance {

Result<std::string> LoadOrCreateKeyFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    Result<std::string> text = ReadFile(path);
    if (!text.ok()) return Status::Io("cannot read the audit key: " + text.status().message());
    std::string key = std::move(text).value();
    if (!key.empty() && key.back() == '\n') key.pop_back();
    if (!key.empty() && key.back() == '\r') key.pop_back();
    if (key.empty()) return Status::Invalid("the audit key file " + path + " is empty");
    return key;
  }
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::filesystem::create_directories(parent, ec);
    if (ec) return Status::Io("cannot create " + parent.string() + ": " + ec.message());
  }
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) {
    return Status::Internal("cannot generate an audit key: no randomness from OpenSSL");
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string key;
  for (unsigned char b : bytes) {
    key += kDigits[b >> 4];
    key += kDigits[b & 0xf];
  }
  // O_EXCL: two processes starting at once must not both write a different key.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) return LoadOrCreateKeyFile(path);
  if (fd < 0)
    return Status::Io("cannot create the audit key " + path + ": " + std::strerror(errno));
  std::string text = key + "\n";
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Status::Io("cannot write the audit key " + path);
  return key;
}

}  // namespace metagate::governance
