// The sign-in page: POST /api/session, then back to where the person was going.
import { ApiError, call } from "./api";

const form = document.querySelector<HTMLFormElement>("#signin")!;
const message = document.querySelector<HTMLElement>("#message")!;

form.addEventListener("submit", async event => {
  event.preventDefault();
  const data = new FormData(form);
  try {
    await call("POST", "/api/session", { name: data.get("name"), password: data.get("password") });
    const target = new URLSearchParams(location.search).get("ReturnUrl");
    location.assign(target && target.startsWith("/") && !target.startsWith("//") ? target : "/");
  } catch (error) {
    message.textContent = error instanceof ApiError ? error.message : String(error);
  }
});
