"""A resident answering the small test survey over real HTTP, resending like a person would on 503."""
import re
import time

import httpx

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|id="csrf_token"[^>]*value="([^"]+)"')
SUBMISSION = re.compile(r'name="submission_id" value="([^"]+)"')
PAGES = (
    lambda marker: {"q_district": "Nordstadt", "q_children": "no", "q_years": "7"},
    lambda marker: {"q_satisfaction": "3", "q_topics": ["bus"], "q_missing": f"Abends fehlt ein Bus ({marker})"},
)
ANSWERS_PER_RESPONSE = 6  # district, children, years, satisfaction, topics, missing


def token(response: httpx.Response, pattern=CSRF) -> str:
    match = pattern.search(response.text)
    if match is None:
        raise AssertionError(f"no token: {response.status_code} {response.request.url} {response.text[:300]}")
    return next(group for group in match.groups() if group)


class Resident:
    """Records every status code and the bodies of 503 answers, so tests can check the messages."""

    def __init__(self, base_url: str, code: str, retries: int = 40, pause: float = 0.5):
        self.client = httpx.Client(base_url=base_url, timeout=30, follow_redirects=False)
        self.code, self.retries, self.pause = code, retries, pause
        self.statuses: list[int] = []
        self.unavailable_bodies: list[str] = []

    def _send(self, method: str, url: str, **kwargs) -> httpx.Response:
        for _attempt in range(self.retries):
            try:
                response = self.client.request(method, url, **kwargs)
            except httpx.TransportError:
                time.sleep(self.pause)
                continue
            self.statuses.append(response.status_code)
            if response.status_code == 503:
                self.unavailable_bodies.append(response.text)
                time.sleep(self.pause)
                continue
            return response
        raise AssertionError(f"{method} {url} kept failing")

    def _page_form(self, url: str) -> dict:
        page = self._send("GET", url)
        assert page.status_code == 200, (url, page.status_code)
        return {"csrf_token": token(page), "submission_id": token(page, SUBMISSION)}

    def answer_survey(self, marker: str) -> bool:
        """True when the thank-you page was reached."""
        start = self._send("GET", f"/s/{self.code}")
        response = self._send("POST", f"/s/{self.code}",
                              data={"csrf_token": token(start), "language": "de", "consent": "y"})
        location = response.headers["Location"]
        for answers in PAGES:
            data = {**self._page_form(location), "nav": "next", **answers(marker)}
            response = self._send("POST", location, data=data)
            assert response.status_code == 302, (location, response.status_code, response.text[:300])
            location = response.headers["Location"]
        return "/danke" in location and self._send("GET", location).status_code == 200

    def close(self):
        self.client.close()
