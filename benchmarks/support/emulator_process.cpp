#include "emulator_process.hpp"

#include <curl/curl.h>
#include <signal.h>
#include <unistd.h>

#include <memory>
#include <stdexcept>

namespace amigo_bench {
namespace {

constexpr std::string_view kListeningOn = "Listening on ";

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

}  // namespace

EmulatorProcess::EmulatorProcess(const std::string& program,
                                 const std::vector<std::string>& arguments)
    : child_(spawn(program, arguments, {}, true)) {
  const std::string line = read_line(child_.stdout_fd);
  if (line.compare(0, kListeningOn.size(), kListeningOn) != 0) {
    kill(child_.pid, SIGTERM);
    wait_for(child_.pid);
    throw std::runtime_error("amigo-emulator did not start: '" + line + "'");
  }
  base_url_ = line.substr(kListeningOn.size());
}

EmulatorProcess::~EmulatorProcess() {
  kill(child_.pid, SIGTERM);
  wait_for(child_.pid);
  close(child_.stdout_fd);
}

std::string EmulatorProcess::admin(const std::string& method, const std::string& path,
                                   const std::string& json_body) const {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> handle(curl_easy_init(), &curl_easy_cleanup);
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(
      curl_slist_append(nullptr, "Content-Type: application/json"), &curl_slist_free_all);
  std::string answer;
  const std::string url = base_url_ + path;
  curl_easy_setopt(handle.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle.get(), CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(handle.get(), CURLOPT_HTTPHEADER, headers.get());
  if (method != "GET") curl_easy_setopt(handle.get(), CURLOPT_POSTFIELDS, json_body.c_str());
  curl_easy_setopt(handle.get(), CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(handle.get(), CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(handle.get(), CURLOPT_ACCEPT_ENCODING, "");
  const CURLcode code = curl_easy_perform(handle.get());
  long status = 0;
  curl_easy_getinfo(handle.get(), CURLINFO_RESPONSE_CODE, &status);
  if (code != CURLE_OK || status < 200 || status > 299) {
    throw std::runtime_error(
        method + " " + path + " failed: " +
        (code != CURLE_OK ? curl_easy_strerror(code) : "HTTP " + std::to_string(status)));
  }
  return answer;
}

}  // namespace amigo_bench
