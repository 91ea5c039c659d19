"""The laptop's side of the connection: only https:// (plain http:// only to this computer
itself), and a server certificate the operating system does not trust is refused with a
message that says what to ask the administrator."""

from __future__ import annotations

import datetime as dt
import http.server
import ipaddress
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.services.sync import account_problems, server_url_problem
from app.sync import errors as e
from app.sync.errors import ServerUnreachable
from app.sync.http import HttpTransport


@pytest.mark.parametrize(
    "address",
    ["https://trede.gemeente.nl", "https://trede.gemeente.nl:8443/", "http://localhost:8000",
     "http://127.0.0.1:9", "http://127.8.0.1", "http://[::1]:8000"],
)  # fmt: skip
def test_accepted_addresses(address: str) -> None:
    assert server_url_problem(address) is None


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("http://trede.gemeente.nl", "onversleuteld"),
        ("http://10.0.0.5:8000", "onversleuteld"),
        ("http://localhost.evil.example", "onversleuteld"),
        ("HTTP://trede.gemeente.nl", "onversleuteld"),
        ("ftp://trede.gemeente.nl", "https://"),
        ("trede.gemeente.nl", "https://"),
        ("https://", "https://"),
        ("", "https://"),
        ("https://jan:geheim@trede.gemeente.nl", "alleen het adres"),
        ("https://trede.gemeente.nl/?next=http://x", "alleen het adres"),
        ("https://[::1", "https://"),
    ],
)
def test_refused_addresses_say_why(address: str, says: str) -> None:
    problem = server_url_problem(address)
    assert problem is not None and says in problem
    assert account_problems(address, "wc", "pw")["server"] == problem


@pytest.fixture
def self_signed_server(tmp_path: Path) -> Iterator[str]:
    """An HTTPS server with a certificate no one issued (as a man in the middle has)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def test_an_untrusted_certificate_is_refused_with_what_to_ask(self_signed_server: str) -> None:
    transport = HttpTransport(self_signed_server, timeout=5)
    try:
        with pytest.raises(ServerUnreachable) as refused:
            transport.login("wc", "geheim", "laptop")
    finally:
        transport.close()
    assert str(refused.value) == e.UNTRUSTED_CERTIFICATE
    assert "beheerder" in str(refused.value)
