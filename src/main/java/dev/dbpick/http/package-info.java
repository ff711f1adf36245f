/**
 * The HTTP service ({@code dbpick serve}): thin Micronaut controllers over the one engine, the
 * knowledge held for all requests with its gated hot reload, and RFC 7807 problem responses.
 */
package dev.dbpick.http;
