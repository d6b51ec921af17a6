# Workaround for Debian 12 python3-tackerclient 1.12.0 + PyYAML 6 (copied from the openstack-rig kit,
# shared/openstack-rig/shim, so the repo does not depend on it at run time):
# `openstack vnf descriptor create|show`, `vnf descriptor template show` (and a
# few other legacy commands) call yaml.load(x) without a Loader and crash after
# the HTTP call with "load() missing 1 required positional argument: 'Loader'".
# This file makes yaml.load default to SafeLoader.  It is only picked up where
# you ask for it: scripts/check-tackerclient.sh sets PYTHONPATH=scripts/shim
# (and PYTHONDONTWRITEBYTECODE=1, so no __pycache__ lands in the repo).
import yaml as _yaml

_orig_load = _yaml.load


def _load(stream, Loader=None):
    return _orig_load(stream, Loader=Loader or _yaml.SafeLoader)


_yaml.load = _load
