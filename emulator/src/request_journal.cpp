#include "request_journal.hpp"

namespace amigo::emulator {

void RequestJournal::record(RequestRecord record) {
  std::lock_guard lock(mutex_);
  ++requests_[record.operation];
  recent_.push_back(std::move(record));
  if (recent_.size() > kKeptRequests) recent_.pop_front();
}

void RequestJournal::clear() {
  std::lock_guard lock(mutex_);
  requests_.clear();
  recent_.clear();
  connections_ = 0;
  sign_ins_ = 0;
}

RequestTotals RequestJournal::totals() const {
  std::lock_guard lock(mutex_);
  return RequestTotals{requests_, sign_ins_.load(), connections_.load()};
}

nlohmann::json RequestJournal::to_json() const {
  std::lock_guard lock(mutex_);
  nlohmann::json recent = nlohmann::json::array();
  for (const RequestRecord& record : recent_) {
    recent.push_back({{"operation", record.operation},
                      {"method", record.method},
                      {"path", record.path},
                      {"query", record.query},
                      {"header_names", record.header_names},
                      {"mongo_cluster_name", record.mongo_cluster_name
                                                 ? nlohmann::json(*record.mongo_cluster_name)
                                                 : nlohmann::json(nullptr)},
                      {"status", record.status}});
  }
  return {{"requests", requests_},
          {"sign_ins", sign_ins_.load()},
          {"tcp_connections", connections_.load()},
          {"recent_requests", std::move(recent)}};
}

}  // namespace amigo::emulator
