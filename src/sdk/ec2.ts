/**
 * The EC2 client and the commands the bot sends, and nothing else: the Lambda bundles carry the SDK, and esbuild
 * keeps only what is named here (a dynamic import of the whole package would keep every one of EC2's commands).
 * A new EC2 call adds its command to this list.
 */
export {
  CreateVpcEndpointCommand,
  DescribeDhcpOptionsCommand,
  DescribeInstancesCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeTransitGatewayAttachmentsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcEndpointServicesCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  EC2Client,
  GetManagedPrefixListEntriesCommand,
  SearchTransitGatewayRoutesCommand,
} from '@aws-sdk/client-ec2';
