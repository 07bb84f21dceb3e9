//! A refusal as an axum response.

use axum_core::response::{IntoResponse, Response};

use crate::Refusal;

impl IntoResponse for Refusal {
    /// [`Refusal::http_response`]: the status, the `WWW-Authenticate` challenge and the JSON body.
    fn into_response(self) -> Response {
        self.http_response().into_response()
    }
}
