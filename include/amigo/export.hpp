#pragma once

/// @file
/// Symbol visibility for the amigo library. Shared builds hide every symbol
/// that is not marked AMIGO_API.

#if defined(_WIN32) && defined(AMIGO_SHARED)
#if defined(AMIGO_BUILDING)
#define AMIGO_API __declspec(dllexport)
#else
#define AMIGO_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define AMIGO_API __attribute__((visibility("default")))
#else
#define AMIGO_API
#endif
