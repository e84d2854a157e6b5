#include "config_watch.h"

#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <string_view>
#include <vector>

namespace metagate::cli {

namespace fs = std::filesystem;

namespace {

void AddFile(const std::string& path, std::string& out) {
  struct stat st {};
  out += path;
  if (::stat(path.c_str(), &st) != 0) {
    out += " missing\n";
    return;
  }
  out += ' ' + std::to_string(st.st_mtim.tv_sec) + '.' + std::to_string(st.st_mtim.tv_nsec) + ' ' +
         std::to_string(st.st_size) + '\n';
}

// A file, or every file in a folder (recursively, sorted), as the policy loader reads folders.
void AddPath(const std::string& path, std::string& out) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return AddFile(path, out);
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) AddFile(f, out);
}

void AddSecret(const egress::SecretRef& ref, std::string& out) {
  constexpr std::string_view kFile = "file:";
  if (ref.ref.starts_with(kFile)) AddFile(ref.ref.substr(kFile.size()), out);
}

}  // namespace

std::string InputsFingerprint(const std::string& config_path, const egress::EgressConfig* config) {
  std::string out;
  AddFile(config_path, out);
  if (config == nullptr) return out;
  for (const std::string& p : config->policies) AddPath(p, out);
  if (config->schema) AddFile(*config->schema, out);
  for (const std::string& e : config->entities) AddFile(e, out);
  if (config->pseudonym_keys) {
    for (const auto& [id, ref] : config->pseudonym_keys->keys) AddSecret(ref, out);
  }
  for (const egress::VendorConfig& v : config->vendors) {
    if (v.ingest_key) AddSecret(*v.ingest_key, out);
  }
  return out;
}

std::string PdpInputsFingerprint(const std::string& config_path, const pdp::PdpConfig* config) {
  std::string out;
  AddFile(config_path, out);
  if (config == nullptr) return out;
  for (const std::string& p : config->policies) AddPath(p, out);
  if (config->schema) AddFile(*config->schema, out);
  return out;
}

std::string CurrentPdpInputsFingerprint(const std::string& config_path) {
  Result<std::optional<pdp::PdpConfig>> now = pdp::LoadPdpConfig(config_path);
  return PdpInputsFingerprint(config_path, now.ok() && *now ? &**now : nullptr);
}

void WatchInputs(std::chrono::milliseconds interval, const std::atomic<bool>& stop,
                 const std::function<std::string()>& fingerprint,
                 const std::function<std::string(const char* why)>& reload) {
  sigset_t hup;
  sigemptyset(&hup);
  sigaddset(&hup, SIGHUP);
  std::string last = fingerprint();
  while (!stop.load()) {
    int64_t ms = interval.count() == 0 ? 1000 : interval.count();
    timespec wait{static_cast<time_t>(ms / 1000), static_cast<long>(ms % 1000) * 1000000};
    bool signalled = sigtimedwait(&hup, nullptr, &wait) == SIGHUP;
    if (stop.load()) break;
    if (!signalled) {
      if (interval.count() == 0) continue;
      std::string now = fingerprint();
      if (now == last) continue;
    }
    last = reload(signalled ? "SIGHUP" : "a changed file");
  }
}

}  // namespace metagate::cli
