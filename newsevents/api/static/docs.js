// The API's interactive documentation: Swagger UI (served from node_modules
// like the other libraries) on the service's own OpenAPI schema. A file, not
// an inline script, so that the content security policy stays strict.
(function () {
  "use strict";
  if (typeof SwaggerUIBundle === "undefined") {
    document.getElementById("swagger-ui").textContent =
      "Swagger UI is not installed: run `npm ci` (or `make demo`). " +
      "The schema itself is at /openapi.json.";
    return;
  }
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
})();
