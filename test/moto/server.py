#!/usr/bin/env python3
"""
moto's server on loopback, with the few EC2 behaviours the bot relies on that moto does not emulate.

    python3 test/moto/server.py [--port 0] [--host 127.0.0.1] [--pending-describes 1] [--page-size 1000]
    python3 test/moto/server.py --check      # prints {"moto": "<version>"} or exits 3 with the reason

On start it prints one JSON line on stdout: {"port": ..., "url": ..., "moto": ..., "patches": [...]}.
It serves until stdin closes (the parent went away) or it gets SIGTERM/SIGINT.

Each patch wraps a moto method at start-up (moto's source stays untouched) and enforces one documented AWS rule;
docs/aws-behaviour.md ("The independent EC2") lists them with their sources and the tests that pin them (test/moto/launcher.test.ts).
Checked against moto 5.2.1: the patches need moto's `VPCs.create_vpc_endpoint` response method and the
`VPCBackend` endpoint methods; a moto without them is refused at start rather than half-patched.
"""
import argparse
import base64
import json
import logging
import random
import signal
import string
import sys
import threading

PATCHES = []
LOCK = threading.RLock()


def patch(name):
    def register(fn):
        PATCHES.append((name, fn))
        return fn

    return register


def ec2_error(code, message):
    from moto.ec2.exceptions import EC2ClientError

    return EC2ClientError(code, message)


def random_suffix(n=8):
    return "".join(random.choice(string.ascii_lowercase + string.digits) for _ in range(n))


def interface_services(backend, account, region, service_name):
    """The DescribeVpcEndpointServices entries for a name (InvalidServiceName when there is none)."""
    from moto.ec2.models import ec2_backends

    target = ec2_backends[account][region] if region != backend.region_name else backend
    return target.describe_vpc_endpoint_services(
        service_names=[service_name], filters=[], max_results=None, next_token=None, region=region
    )["servicesDetails"]


FINAL_STATES = {"deleted", "deleting", "failed", "rejected", "expired"}
BOTH_TYPE_SERVICES = ("s3", "dynamodb")


def service_short_name(service_name):
    return service_name.rsplit(".", 1)[-1]


def apply_patches(options):
    from moto.core.responses import ActionResult
    from moto.ec2.exceptions import DryRunClientError
    from moto.ec2.models.vpcs import VPCBackend
    from moto.ec2.responses.vpcs import VPCs

    for required in ("create_vpc_endpoint", "describe_vpc_endpoints"):
        if not hasattr(VPCs, required) or not hasattr(VPCBackend, required):
            raise SystemExit(f"moto has no {required}: this launcher was written for moto 5.2.x")

    original_create = VPCs.create_vpc_endpoint
    original_describe = VPCs.describe_vpc_endpoints
    original_backend_describe = VPCBackend.describe_vpc_endpoints
    original_services = VPCBackend._collect_default_endpoint_services
    tokens = {}

    # --- DynamoDB offers interface endpoints (since March 2024), moto lists only its gateway endpoint.
    # Source: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/privatelink-interface-endpoints.html
    @patch("dynamodb-interface-service")
    def _():
        from moto.core.base_backend import BaseBackend

        def collect(account_id, region):
            with LOCK:
                return with_dynamodb_interface(original_services(account_id, region), region)

        def with_dynamodb_interface(services, region):
            name = f"com.amazonaws.{region}.dynamodb"
            offered = any(s["ServiceName"] == name and {"ServiceType": "Interface"} in s["ServiceType"] for s in services)
            if not offered and any(s["ServiceName"] == name for s in services):
                zones = next(s["AvailabilityZones"] for s in services if s["ServiceName"] == name)
                services.extend(BaseBackend.default_vpc_endpoint_service_factory(region, zones, "dynamodb", "Interface"))
            return services

        VPCBackend._collect_default_endpoint_services = staticmethod(collect)

    def validate_interface(self, backend, p):
        """The CreateVpcEndpoint rules for interface endpoints, each from the AWS source named beside it."""
        account, region = self.current_account, self.region
        service_region = p["service_region"] or region
        # The service must exist (in ServiceRegion for a cross-region endpoint): EC2 answers InvalidServiceName.
        # Source: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html (InvalidServiceName)
        services = interface_services(backend, account, service_region, p["service_name"])
        service = next((s for s in services if {"ServiceType": "Interface"} in s["ServiceType"]), services[0])

        subnets = [backend.get_subnet(sid) for sid in p["subnet_ids"]]

        # One subnet per Availability Zone.
        # Source: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html (DuplicateSubnetsInSameZone)
        # and https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html ("one subnet per AZ")
        seen = {}
        for s in subnets:
            if s.availability_zone in seen:
                raise ec2_error(
                    "DuplicateSubnetsInSameZone",
                    f"Found another VPC endpoint subnet in the availability zone of {s.id}. VPC endpoint subnets "
                    "should be in different availability zones supported by the VPC endpoint service.",
                )
            seen[s.availability_zone] = s.id

        # IpAddressType: ipv6 needs IPv6-only subnets, dualstack needs subnets with both IPv4 and IPv6 ranges,
        # ipv4 needs IPv4 ranges. Source: https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html
        # (IP address type) and https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html
        ip_type = p["ip_address_type"]
        for s in subnets:
            has_v4 = bool(s.cidr_block) and not s.ipv6_native
            has_v6 = bool(s.ipv6_cidr_block_associations)
            fits = {"ipv4": has_v4, "dualstack": has_v4 and has_v6, "ipv6": has_v6 and not has_v4}.get(ip_type, True)
            if not fits:
                need = {"ipv4": "an IPv4 range", "dualstack": "both IPv4 and IPv6 ranges", "ipv6": "to be IPv6-only"}[ip_type]
                raise ec2_error(
                    "InvalidParameter",
                    f"The subnet {s.id} does not support IpAddressType {ip_type}: the subnets need {need}.",
                )

        private_dns = p["private_dns"]
        short = service_short_name(p["service_name"])
        inbound_only = p["inbound_only"]
        if private_dns and short in BOTH_TYPE_SERVICES and inbound_only is None:
            # With private DNS on, PrivateDnsOnlyForInboundResolverEndpoint defaults to true for S3 and DynamoDB.
            # Source: https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#private-dns
            inbound_only = True
        if inbound_only and short not in BOTH_TYPE_SERVICES:
            # Source: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DnsOptionsSpecification.html
            # ("available only for services that support both gateway and interface endpoints")
            raise ec2_error(
                "InvalidParameter",
                "PrivateDnsOnlyForInboundResolverEndpoint is available only for services that support both "
                "gateway and interface endpoints.",
            )
        if private_dns and inbound_only:
            # Inbound-only private DNS sends in-VPC traffic to the gateway endpoint, so EC2 refuses it without one.
            # Source: https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html#private-dns
            # https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/privatelink-interface-endpoints.html
            gateway = any(
                e.vpc_id == p["vpc_id"]
                and e.service_name == f"com.amazonaws.{region}.{short}"
                and (e.vpc_endpoint_type or "").lower() == "gateway"
                and e.state not in FINAL_STATES
                for e in backend.vpc_end_points.values()
            )
            if not gateway:
                raise ec2_error(
                    "InvalidParameter",
                    "To set PrivateDnsOnlyForInboundResolverEndpoint to true, the VPC "
                    f"{p['vpc_id']} must have a Gateway endpoint for the service.",
                )

        if private_dns:
            # Only one endpoint per VPC can hold the service's private DNS name.
            # Source: https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html (private DNS)
            # and the error EC2 gives: https://github.com/hashicorp/terraform-provider-aws/issues/17535
            holder = next(
                (
                    e
                    for e in backend.vpc_end_points.values()
                    if e.vpc_id == p["vpc_id"]
                    and e.service_name == p["service_name"]
                    and (e.vpc_endpoint_type or "").lower() == "interface"
                    and e.private_dns_enabled
                    and e.state not in FINAL_STATES
                ),
                None,
            )
            if holder:
                raise ec2_error(
                    "InvalidParameter",
                    "private-dns-enabled cannot be set because there is already a conflicting DNS domain for "
                    f"{service.get('PrivateDnsName', p['service_name'])} in the VPC {p['vpc_id']}",
                )
        return service, subnets, inbound_only

    def dns_entries(endpoint_id, service, subnets, private_dns, region):
        """DnsEntries as EC2 gives them: the regional name, one zonal name per AZ, then the private DNS name.
        Source: https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html#interface-endpoint-dns-hostnames
        S3's names take a bucket label in front: https://docs.aws.amazon.com/AmazonS3/latest/userguide/privatelink-interface-endpoints.html
        """
        base = (service.get("BaseEndpointDnsNames") or [f"{service_short_name(service['ServiceName'])}.{region}.vpce.amazonaws.com"])[0]
        wildcard = "*." if service_short_name(service["ServiceName"]) == "s3" else ""
        suffix = random_suffix()
        zone = "Z" + "".join(random.choice(string.ascii_uppercase + string.digits) for _ in range(12))
        entries = [{"dns_name": f"{wildcard}{endpoint_id}-{suffix}.{base}", "hosted_zone_id": zone}]
        for az in sorted({s.availability_zone for s in subnets}):
            entries.append({"dns_name": f"{wildcard}{endpoint_id}-{suffix}-{az}.{base}", "hosted_zone_id": zone})
        if private_dns and service.get("PrivateDnsName"):
            entries.append({"dns_name": service["PrivateDnsName"], "hosted_zone_id": "Z" + random_suffix(12).upper()})
        return entries

    def fingerprint(querystring):
        ignored = {"Action", "Version", "DryRun", "ClientToken"}
        return json.dumps({k: v for k, v in querystring.items() if k not in ignored}, sort_keys=True)

    # --- CreateVpcEndpoint: DryRun, ClientToken, and the interface-endpoint rules above.
    # Source: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html
    @patch("create-vpc-endpoint")
    def _():
        def create_vpc_endpoint(self):
            with LOCK:
                return create(self)

        def create(self):
            # DryRun: "Checks whether you have the required permissions for the action, without actually making
            # the request ... If you have the required permissions, the error response is DryRunOperation."
            # Nothing is created and the ClientToken is not used up.
            if self._get_bool_param("DryRun", False):
                raise DryRunClientError()
            backend = self.ec2_backend
            token = self._get_param("ClientToken")
            key = (self.current_account, self.region, token)
            request_print = fingerprint(self.querystring)
            # ClientToken: a repeat with the same parameters returns the first result; with other parameters it
            # fails with IdempotentParameterMismatch.
            # Source: https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html
            if token and key in tokens:
                seen_print, endpoint_id = tokens[key]
                if seen_print != request_print:
                    raise ec2_error(
                        "IdempotentParameterMismatch",
                        "The client token you have provided is associated with a resource that has different "
                        "parameters.",
                    )
                return ActionResult({"VpcEndpoint": backend.vpc_end_points[endpoint_id], "ClientToken": token})

            endpoint_type = (self._get_param("VpcEndpointType") or "Gateway").lower()
            dns_options = self._get_param("DnsOptions") or {}
            inbound = dns_options.get("PrivateDnsOnlyForInboundResolverEndpoint")
            p = {
                "vpc_id": self._get_param("VpcId"),
                "service_name": self._get_param("ServiceName"),
                "service_region": self._get_param("ServiceRegion"),
                "subnet_ids": self._get_param("SubnetIds", []),
                "ip_address_type": self._get_param("IpAddressType"),
                "private_dns": self._get_bool_param("PrivateDnsEnabled", if_none=True),
                "inbound_only": None if inbound is None else str(inbound).lower() == "true",
            }
            backend.get_vpc(p["vpc_id"])
            if endpoint_type == "interface":
                service, subnets, inbound_only = validate_interface(self, backend, p)

            result = original_create(self)
            endpoint = result.result["VpcEndpoint"]
            if endpoint_type == "interface":
                endpoint.dns_entries = dns_entries(endpoint.id, service, subnets, p["private_dns"], p["service_region"] or self.region)
                endpoint.ip_address_type = p["ip_address_type"] or "ipv4"
                endpoint.dns_options = {"DnsRecordIpType": dns_options.get("DnsRecordIpType") or endpoint.ip_address_type}
                if inbound_only is not None:
                    endpoint.dns_options["PrivateDnsOnlyForInboundResolverEndpoint"] = inbound_only
                if p["service_region"]:
                    endpoint.service_region = p["service_region"]
                # A new interface endpoint is `pending` until EC2 has placed its network interfaces.
                # Source: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpcEndpoint.html (State)
                if options.pending_describes > 0:
                    endpoint.state = "pending"
                    endpoint.pending_describes = options.pending_describes
            else:
                # Gateway endpoints have no private DNS (PrivateDnsEnabled is an interface-endpoint parameter).
                endpoint.private_dns_enabled = False
            if token:
                tokens[key] = (request_print, endpoint.id)
            return ActionResult({"VpcEndpoint": endpoint, "ClientToken": token})

        VPCs.create_vpc_endpoint = create_vpc_endpoint

    # --- An interface endpoint's network interfaces as EC2 makes them: one per subnet, with a private IP from that
    # subnet's range, the endpoint's security groups (the VPC's default group when none are given), interface type
    # `vpc_endpoint`, requester-managed, described "VPC Endpoint Interface vpce-…". moto 5.2.1 creates the ENIs
    # but gives them a random 10.x address outside the subnet and the VPC's default group.
    # Source: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html (SubnetIds: "the
    # subnets in which to create endpoint network interfaces"; SecurityGroupIds: "If this parameter is not
    # specified, we use the default security group for the VPC"),
    # https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/requester-managed-eni.html (description "VPC Endpoint
    # Interface vpce-…", requester-managed, InterfaceType vpc_endpoint; older endpoints show `interface`) and
    # https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html (reserved addresses).
    @patch("endpoint-network-interfaces")
    def _():
        import ipaddress

        original_backend_create = VPCBackend.create_vpc_endpoint

        def create_vpc_endpoint(self, *args, **kwargs):
            endpoint = original_backend_create(self, *args, **kwargs)
            if (endpoint.vpc_endpoint_type or "").lower() != "interface":
                return endpoint
            group_ids = kwargs.get("security_group_ids") or []
            groups = [self.get_security_group_from_id(g) for g in group_ids]
            groups = [g for g in groups if g] or [self.get_default_security_group(endpoint.vpc_id)]
            for eni_id in endpoint.network_interface_ids:
                eni = self.enis[eni_id]
                used = {e.private_ip_address for e in self.enis.values() if e.subnet.id == eni.subnet.id and e is not eni}
                # AWS reserves the first four addresses of a subnet and the last one.
                # Source: https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
                hosts = list(ipaddress.IPv4Network(eni.subnet.cidr_block).hosts())[3:-1] if eni.subnet.cidr_block else []
                free = [str(h) for h in hosts if str(h) not in used]
                if free:
                    eni.private_ip_address = random.choice(free)
                    eni.private_ip_addresses = [{"Primary": True, "PrivateIpAddress": eni.private_ip_address}]
                eni._group_set = [g for g in groups if g]
                eni.interface_type = "vpc_endpoint"
                eni.requester_managed = True
                eni.description = f"VPC Endpoint Interface {endpoint.id}"
            return endpoint

        VPCBackend.create_vpc_endpoint = create_vpc_endpoint

    # --- A pending endpoint becomes available after a few DescribeVpcEndpoints, so callers really poll.
    @patch("pending-then-available")
    def _():
        def describe(self, vpc_end_point_ids, filters=None):
            with LOCK:
                found = original_backend_describe(self, vpc_end_point_ids, filters)
                for e in found:
                    left = getattr(e, "pending_describes", 0)
                    if e.state == "pending" and left == 0:
                        e.state = "available"
                    elif left > 0:
                        e.pending_describes = left - 1
                return found

        VPCBackend.describe_vpc_endpoints = describe

    # --- DescribeVpcEndpoints pages with MaxResults/NextToken (moto returns everything at once).
    # Source: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcEndpoints.html
    # ("If the value is greater than 1,000, we return only 1,000 items"); --page-size lowers that cap so tests
    # can page through a handful of endpoints.
    @patch("describe-vpc-endpoints-pages")
    def _():
        def describe_vpc_endpoints(self):
            result = original_describe(self)
            max_results = self._get_int_param("MaxResults")
            if not max_results:
                return result
            endpoints = list(result.result["VpcEndpoints"])
            token = self._get_param("NextToken")
            try:
                start = int(base64.urlsafe_b64decode(token.encode()).decode()) if token else 0
            except ValueError:
                raise ec2_error("InvalidNextToken", "The token is invalid.")
            size = min(max_results, 1000, options.page_size)
            page = endpoints[start : start + size]
            out = {"VpcEndpoints": page}
            if start + size < len(endpoints):
                out["NextToken"] = base64.urlsafe_b64encode(str(start + size).encode()).decode()
            return ActionResult(out)

        VPCs.describe_vpc_endpoints = describe_vpc_endpoints

    # --- A Transit Gateway route lists the attachments it leads to (TransitGatewayAttachments, an array of
    # TransitGatewayRouteAttachment: resourceId, resourceType, transitGatewayAttachmentId); moto stores one
    # attachment as a bare object, which its serialiser turns into an empty or unparseable list. And
    # SearchTransitGatewayRoutes takes MaxResults (5–1000), on which moto fails (it slices a dict).
    # Sources: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_TransitGatewayRoute.html ,
    # https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SearchTransitGatewayRoutes.html
    @patch("transit-gateway-route-attachments")
    def _():
        from moto.ec2.models.transit_gateway_route_tables import TransitGatewayRouteTableBackend

        original_route = TransitGatewayRouteTableBackend.create_transit_gateway_route
        original_search = TransitGatewayRouteTableBackend.search_transit_gateway_routes

        def search_transit_gateway_routes(self, transit_gateway_route_table_id, filters, max_results=None):
            routes = original_search(self, transit_gateway_route_table_id, filters)
            return routes[: int(max_results)] if max_results else routes

        TransitGatewayRouteTableBackend.search_transit_gateway_routes = search_transit_gateway_routes

        def create_transit_gateway_route(self, *args, **kwargs):
            route = original_route(self, *args, **kwargs)
            attachment = route.get("transitGatewayAttachments")
            if isinstance(attachment, dict):
                route["transitGatewayAttachments"] = [attachment]
            return route

        TransitGatewayRouteTableBackend.create_transit_gateway_route = create_transit_gateway_route

    # --- Opt-in (--assume-role-needs-role; issue 17, many accounts): AssumeRole succeeds only into a role that
    # exists in its account and whose trust policy's sts:ExternalId condition, if any, matches. moto issues
    # credentials for any role ARN ("the role does not need to exist"); AWS answers AccessDenied.
    # Source: https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html (Errors; ExternalId) and
    # https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html (sts:ExternalId).
    if options.assume_role_needs_role:

        @patch("assume-role-needs-role")
        def _():
            from moto.iam.models import iam_backends
            from moto.sts.exceptions import STSClientError
            from moto.sts.models import STSBackend

            original_assume = STSBackend.assume_role

            def external_ids(document):
                try:
                    statements = json.loads(document).get("Statement", [])
                except (TypeError, ValueError):
                    return []
                if isinstance(statements, dict):
                    statements = [statements]
                wanted = []
                for statement in statements:
                    for values in (statement.get("Condition") or {}).values():
                        value = values.get("sts:ExternalId") if isinstance(values, dict) else None
                        if value is not None:
                            wanted.extend(value if isinstance(value, list) else [value])
                return wanted

            def assume_role(self, region_name, role_session_name, role_arn, policy, duration, external_id):
                denied = STSClientError(
                    "AccessDenied", f"User: arn:aws:sts::{self.account_id}:assumed-role/bot is not authorized to perform: sts:AssumeRole on resource: {role_arn}"
                )
                parts = role_arn.split(":")
                if len(parts) < 6 or parts[2] != "iam":
                    raise denied
                try:
                    role = iam_backends[parts[4]][parts[1]].get_role_by_arn(role_arn)
                except Exception:
                    raise denied
                wanted = external_ids(role.assume_role_policy_document)
                if wanted and external_id not in wanted:
                    raise denied
                return original_assume(self, region_name, role_session_name, role_arn, policy, duration, external_id)

            STSBackend.assume_role = assume_role

    for _name, fn in PATCHES:
        fn()
    return [name for name, _ in PATCHES]


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--pending-describes", type=int, default=1, help="describes a new interface endpoint stays pending")
    parser.add_argument("--page-size", type=int, default=1000, help="largest DescribeVpcEndpoints page (AWS: 1000)")
    parser.add_argument("--check", action="store_true", help="report whether moto's server can run here, then exit")
    parser.add_argument("--assume-role-needs-role", action="store_true", help="AssumeRole only into roles that exist (and match sts:ExternalId)")
    options = parser.parse_args()

    try:
        import moto
        from moto.moto_server.threaded_moto_server import ThreadedMotoServer
    except ImportError as error:
        print(f"moto not importable: {error}", file=sys.stderr)
        sys.exit(3)
    if options.check:
        print(json.dumps({"moto": moto.__version__}))
        return

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    patches = apply_patches(options)
    # Load EC2 and its endpoint-service list before answering, so the first request is not the slow one.
    from moto.ec2.models.vpcs import VPCBackend

    if options.port:
        # ThreadedMotoServer waits for ever when its port is taken: find out first.
        import socket

        with socket.socket() as probe:
            try:
                probe.bind((options.host, options.port))
            except OSError as error:
                print(f"cannot listen on {options.host}:{options.port}: {error.strerror}", file=sys.stderr)
                sys.exit(4)
    server = ThreadedMotoServer(options.host, options.port, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    VPCBackend._collect_default_endpoint_services("123456789012", "ap-northeast-1")
    print(json.dumps({"port": port, "url": f"http://{host}:{port}", "moto": moto.__version__, "patches": patches}), flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    def watch_stdin():
        try:
            while sys.stdin.read(4096):
                pass
        except (OSError, ValueError):
            pass
        stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    stop.wait()
    server.stop()


if __name__ == "__main__":
    main()
