"""Checks that an APNG plays in a real browser: opens a page in headless Chromium (--remote-debugging-pipe, no extra
Python packages) and screenshots it at the given real times. Usage: apng_in_chromium.py URL OUT_PREFIX 1.5 5.0"""
import json, os, subprocess, sys, time, base64
url, out_prefix, times = sys.argv[1], sys.argv[2], [float(t) for t in sys.argv[3:]]
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()
def setup():
    os.dup2(to_chrome_r, 3); os.dup2(from_chrome_w, 4)
proc = subprocess.Popen(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--remote-debugging-pipe", "--window-size=1400,420", "about:blank"],
                        preexec_fn=setup, pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_chrome_r); os.close(from_chrome_w)
wf = os.fdopen(to_chrome_w, "wb"); rf = os.fdopen(from_chrome_r, "rb")
buf = b""; next_id = 0
def send(method, params=None, session=None):
    global next_id, buf
    next_id += 1
    msg = {"id": next_id, "method": method, "params": params or {}}
    if session: msg["sessionId"] = session
    wf.write(json.dumps(msg).encode() + b"\0"); wf.flush()
    while True:
        while b"\0" not in buf:
            chunk = os.read(rf.fileno(), 1 << 20)
            if not chunk: raise SystemExit("chromium closed the pipe")
            buf += chunk
        raw, buf = buf.split(b"\0", 1)
        reply = json.loads(raw)
        if reply.get("id") == next_id:
            if "error" in reply: raise SystemExit(str(reply["error"]))
            return reply["result"]
target = send("Target.createTarget", {"url": url})["targetId"]
session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
send("Page.enable", session=session)
start = time.time()
for t in times:
    time.sleep(max(0, start + t - time.time()))
    shot = send("Page.captureScreenshot", {"format": "png"}, session=session)
    open(f"{out_prefix}-{t:g}s.png", "wb").write(base64.b64decode(shot["data"]))
    print(f"screenshot at {time.time() - start:.2f} s")
send("Browser.close")
proc.wait(timeout=20)
