#ifndef ADUAN_CCRYPTO_SHIM_H
#define ADUAN_CCRYPTO_SHIM_H
// OpenSSL's libcrypto (Debian: libssl-dev): SHA-256 for the event hash chain and Ed25519 for
// signed anchor lines, through the EVP interface only (no deprecated low-level calls).
#include <openssl/evp.h>
#include <openssl/err.h>
#endif
