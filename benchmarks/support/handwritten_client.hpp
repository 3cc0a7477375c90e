#pragma once

// The reference: list_users written by hand with libcurl and nlohmann::json.
// One easy handle, set up once and reused, so its connection stays open; the
// body buffer is reused too; each page is parsed into a DOM and copied out.

#include <curl/curl.h>

#include <string>

#include <amigo/models.hpp>

namespace amigo_bench {

class HandwrittenClient {
 public:
  /// `url` is the full list URL, query included; `token` goes out as Bearer.
  HandwrittenClient(const std::string& url, const std::string& token);
  ~HandwrittenClient();
  HandwrittenClient(const HandwrittenClient&) = delete;
  HandwrittenClient& operator=(const HandwrittenClient&) = delete;

  /// One page; throws std::runtime_error on a transport failure or a non-200 answer.
  amigo::UserPage list_users();

 private:
  CURL* handle_ = nullptr;
  curl_slist* headers_ = nullptr;
  std::string body_;
};

}  // namespace amigo_bench
