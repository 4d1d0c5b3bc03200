"""Database reads from browser tests."""

from concurrent.futures import ThreadPoolExecutor

from django.db import connections


def read_db(query):
    """Run an ORM read outside Playwright's event loop, on a connection closed right after.

    Playwright's sync API runs an asyncio loop in the test thread: Django refuses ORM calls
    there, and a connection opened in that context would outlive the test database.
    """

    def run():
        try:
            return query()
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(run).result()
