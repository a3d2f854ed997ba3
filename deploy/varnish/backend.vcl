# The application server Varnish fetches from (gunicorn, README "Deploying").
backend default {
    .host = "127.0.0.1";
    .port = "8000";
}
