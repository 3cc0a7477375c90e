#include "connection_control.hpp"

#include <dirent.h>
#include <netdb.h>
#include <sys/socket.h>

#include <cstdlib>
#include <string>

namespace amigo::emulator {
namespace {

// The numeric host and port of an address, formatted as cpp-httplib does.
bool describe(const sockaddr_storage& address, socklen_t length, std::string& host, int& port) {
  char host_buffer[NI_MAXHOST];
  char port_buffer[NI_MAXSERV];
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host_buffer,
                  sizeof host_buffer, port_buffer, sizeof port_buffer,
                  NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
    return false;
  }
  host = host_buffer;
  port = std::atoi(port_buffer);
  return true;
}

bool accepted_on(int fd, int server_port) {
  sockaddr_storage local{};
  socklen_t local_length = sizeof local;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_length) != 0) return false;
  if (local.ss_family != AF_INET && local.ss_family != AF_INET6) return false;
  std::string host;
  int port = 0;
  return describe(local, local_length, host, port) && port == server_port;
}

bool carries(int fd, const httplib::Request& request, int server_port) {
  if (!accepted_on(fd, server_port)) return false;
  std::string host;
  int port = 0;
  sockaddr_storage peer{};
  socklen_t peer_length = sizeof peer;
  if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_length) != 0) return false;
  return describe(peer, peer_length, host, port) && port == request.remote_port &&
         host == request.remote_addr;
}

// Calls `visit` with each open descriptor until it returns true.
template <typename Visit>
void for_each_descriptor(Visit visit) {
  DIR* directory = opendir("/proc/self/fd");
  if (directory == nullptr) return;
  while (const dirent* entry = readdir(directory)) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    const int fd = std::atoi(entry->d_name);
    if (fd != dirfd(directory) && visit(fd)) break;
  }
  closedir(directory);
}

}  // namespace

bool shut_down_connection(const httplib::Request& request, int server_port) {
  bool found = false;
  for_each_descriptor([&](int fd) {
    if (!carries(fd, request, server_port)) return false;
    found = shutdown(fd, SHUT_RDWR) == 0;
    return true;
  });
  return found;
}

void widen_listen_backlog(int server_port) {
  for_each_descriptor([&](int fd) {
    sockaddr_storage peer{};
    socklen_t peer_length = sizeof peer;
    // Listening again only changes the backlog of a socket that already listens.
    if (accepted_on(fd, server_port) &&
        getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_length) != 0) {
      listen(fd, SOMAXCONN);
    }
    return false;
  });
}

void shut_down_connections(int server_port) {
  for_each_descriptor([&](int fd) {
    sockaddr_storage peer{};
    socklen_t peer_length = sizeof peer;
    // The listening socket has no peer and is left alone.
    if (accepted_on(fd, server_port) &&
        getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_length) == 0) {
      shutdown(fd, SHUT_RDWR);
    }
    return false;
  });
}

}  // namespace amigo::emulator
