#include "metagate/common/file_util.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace metagate {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io("cannot open " + path + ": " + std::strerror(errno));
  // Read straight into the result (a stringstream would grow, then copy, 2-3x the file size).
  std::string out;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);  // a hint; none for pipes
  if (!ec) out.reserve(size);
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) out.append(buf, in.gcount());
  if (in.bad()) return Status::Io("cannot read " + path);
  return out;
}

Status WriteFileAtomic(const std::string& path, const std::string& contents) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Io("cannot write " + tmp + ": " + std::strerror(errno));
    out << contents;
    if (!out) return Status::Io("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status::Io("cannot rename " + tmp + " to " + path + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

}  // namespace metagate
