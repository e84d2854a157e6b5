#include "forwarder.h"

#include <charconv>
#include <cstdio>
#include <ctime>
#include <random>

namespace metagate::gateway {

namespace {

// Retry-After: delay-seconds, or an IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT"). -1 if neither.
int64_t RetryAfterMs(const std::string& value) {
  int64_t seconds = 0;
  auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (!value.empty() && ec == std::errc() && p == value.data() + value.size() && seconds >= 0) {
    return seconds * 1000;
  }
  std::tm tm{};
  const char* end = strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (end == nullptr || *end != '\0') return -1;
  int64_t at = timegm(&tm);
  int64_t now = std::time(nullptr);
  return at > now ? (at - now) * 1000 : 0;
}

}  // namespace

std::chrono::milliseconds RetryDelay(const RetryPolicy& policy, uint32_t attempt,
                                     const std::string& retry_after) {
  if (!retry_after.empty()) {
    int64_t ms = RetryAfterMs(retry_after);
    if (ms >= 0) return std::min(std::chrono::milliseconds(ms), policy.max_retry_after);
  }
  int64_t base = policy.initial_backoff.count();
  for (uint32_t i = 1; i < attempt && base < policy.max_backoff.count(); ++i) base *= 2;
  base = std::min<int64_t>(base, policy.max_backoff.count());
  thread_local std::mt19937_64 rng{std::random_device{}()};
  int64_t half = base / 2;
  return std::chrono::milliseconds(half +
                                   std::uniform_int_distribution<int64_t>(0, base - half)(rng));
}

Forwarder::Forwarder(std::string vendor, Spool& spool, DeliverFn deliver, RetryPolicy policy,
                     unsigned threads)
    : vendor_(std::move(vendor)), spool_(spool), deliver_(std::move(deliver)), policy_(policy) {
  for (unsigned i = 0; i < std::max(1u, threads); ++i) threads_.emplace_back([this] { Run(); });
}

Forwarder::~Forwarder() { Stop(); }

void Forwarder::Stop() {
  spool_.StopDelivery();
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
}

void Forwarder::Run() {
  while (std::optional<SpoolEntry> e = spool_.Next()) {
    Result<UpstreamReply> reply = deliver_(e->path, std::move(e->body));
    int status = reply.ok() ? reply->status : 0;
    if (status >= 200 && status < 300) {
      spool_.Delivered(e->id);
      continue;
    }
    std::string why = reply.ok() ? "status " + std::to_string(status) : reply.status().message();
    uint32_t attempt = e->attempts + 1;
    bool retryable = status == 0 || status == 408 || status == 429 || status >= 500;
    if (!retryable || attempt >= policy_.max_attempts) {
      std::fprintf(stderr,
                   "metagate serve: vendor %s: spool entry %lld dead-lettered after %u attempt(s): "
                   "%s\n",
                   vendor_.c_str(), static_cast<long long>(e->id), attempt, why.c_str());
      spool_.DeadLetter(e->id, why);
      continue;
    }
    std::chrono::milliseconds delay =
        RetryDelay(policy_, attempt, reply.ok() ? reply->retry_after : std::string());
    Spool::Clock::time_point when = Spool::Clock::now() + delay;
    std::fprintf(stderr,
                 "metagate serve: vendor %s: delivery of spool entry %lld failed (%s), attempt %u "
                 "of %u; retrying in %.1f s\n",
                 vendor_.c_str(), static_cast<long long>(e->id), why.c_str(), attempt,
                 policy_.max_attempts, static_cast<double>(delay.count()) / 1000);
    spool_.PauseUntil(when);
    spool_.RetryAt(e->id, when);
  }
}

}  // namespace metagate::gateway
