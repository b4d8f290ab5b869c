"""Serve the web UI with waitress, a production WSGI server, on the loopback interface only."""
from waitress import serve as waitress_serve

from seedbed.wsgi import application


def serve(port: int = 8000, host: str = "127.0.0.1") -> None:
    waitress_serve(application, host=host, port=port, threads=8, ident="seedbed")
