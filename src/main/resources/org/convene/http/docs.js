// Swagger UI on Convene's own OpenAPI document; a file of its own so that /docs needs no inline script.
window.ui = SwaggerUIBundle({ url: '/openapi.yaml', dom_id: '#swagger-ui' });
