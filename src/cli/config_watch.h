// What `metagate serve` watches to reload on change: the config file and every file it names
// (policies, folders of policies, schema, entities, key files), by modification time and size.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

#include "metagate/egress/config.h"
#include "metagate/pdp/pdp_config.h"

namespace metagate::cli {

// A text that changes when any of the inputs changes (is edited, added to a policy folder,
// removed). `config` is the last config that loaded, or null.
std::string InputsFingerprint(const std::string& config_path, const egress::EgressConfig* config);
// The same for what a PDP reloads: its config file, policy files and folders, and schema.
std::string PdpInputsFingerprint(const std::string& config_path, const pdp::PdpConfig* config);
// PdpInputsFingerprint of the files the config names now (it is read again).
std::string CurrentPdpInputsFingerprint(const std::string& config_path);

// Runs until `stop` is set: wakes on SIGHUP (which the caller has blocked in every thread) and
// every `interval` (0: on SIGHUP only). Calls `reload(why)` after a SIGHUP, or when
// `fingerprint()` differs from the last one; `reload` returns the fingerprint to compare with
// next (a reload may name other files).
void WatchInputs(std::chrono::milliseconds interval, const std::atomic<bool>& stop,
                 const std::function<std::string()>& fingerprint,
                 const std::function<std::string(const char* why)>& reload);

}  // namespace metagate::cli
