//! A refusal as an axum response.

use axum_core::response::{IntoResponse, Response};

use crate::Refusal;
use crate::neutral::log_refusal;

impl IntoResponse for Refusal {
    /// [`Refusal::http_response`]: the status, the `WWW-Authenticate` challenge and the JSON body. A refusal
    /// not logged yet (one a handler made, e.g. with `?` on a refused update) is logged here, so that no
    /// refusal reaches a client unseen by the operator.
    fn into_response(self) -> Response {
        let refusal = if self.is_logged() {
            self
        } else {
            log_refusal(self, None)
        };
        refusal.http_response().into_response()
    }
}
