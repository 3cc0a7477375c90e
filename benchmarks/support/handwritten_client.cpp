#include "handwritten_client.hpp"

#include <stdexcept>

#include "reference_decoder.hpp"

namespace amigo_bench {
namespace {

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

}  // namespace

HandwrittenClient::HandwrittenClient(const std::string& url, const std::string& token)
    : handle_(curl_easy_init()) {
  if (handle_ == nullptr) throw std::runtime_error("curl_easy_init failed");
  headers_ = curl_slist_append(headers_, ("Authorization: Bearer " + token).c_str());
  headers_ = curl_slist_append(headers_, "Accept: application/json");
  curl_easy_setopt(handle_, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle_, CURLOPT_HTTPHEADER, headers_);
  curl_easy_setopt(handle_, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle_, CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(handle_, CURLOPT_WRITEDATA, &body_);
}

HandwrittenClient::~HandwrittenClient() {
  curl_easy_cleanup(handle_);
  curl_slist_free_all(headers_);
}

amigo::UserPage HandwrittenClient::list_users() {
  body_.clear();
  const CURLcode code = curl_easy_perform(handle_);
  if (code != CURLE_OK) throw std::runtime_error(curl_easy_strerror(code));
  long status = 0;
  curl_easy_getinfo(handle_, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) throw std::runtime_error("HTTP " + std::to_string(status));
  return reference_decode_page(body_);
}

}  // namespace amigo_bench
