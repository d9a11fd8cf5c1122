/**
 * The edge's one toolkit for what a request carries outside its body: path ids checked against their kind's
 * pattern, {@code limit} and other integer query parameters, page cursors and the team a request names. Every
 * malformed value is a 400 problem naming the parameter, before it reaches a use case.
 */
package io.patchbay.kernel.infra.web.request;
