import Testing

@testable import TFEventsS3

@Suite struct AWSConfigFileTests {
    @Test func readsProfilesOfBothFiles() {
        let credentials = AWSConfigFile(
            parsing: """
                # comment
                [default]
                aws_access_key_id = AKIADEFAULT
                aws_secret_access_key = secret/default+key

                [work]
                aws_access_key_id=AKIAWORK
                aws_secret_access_key=workSecret
                aws_session_token = token==
                """)
        #expect(credentials.credentialsProfile("default")?["aws_access_key_id"] == "AKIADEFAULT")
        #expect(credentials.credentialsProfile("default")?["aws_secret_access_key"] == "secret/default+key")
        #expect(credentials.credentialsProfile("work")?["aws_session_token"] == "token==")
        #expect(credentials.credentialsProfile("other") == nil)

        let config = AWSConfigFile(
            parsing: """
                [default]
                region = eu-west-1
                ; comment
                [profile minio]
                region = us-east-1
                endpoint_url = http://127.0.0.1:9000
                s3 =
                  addressing_style = path
                  max_concurrent_requests = 16
                output = json
                [sso-session x]
                sso_region = us-east-1
                """)
        #expect(config.configProfile("default")?["region"] == "eu-west-1")
        #expect(config.configProfile("minio")?["s3.addressing_style"] == "path")
        #expect(config.configProfile("minio")?["s3.max_concurrent_requests"] == "16")
        #expect(config.configProfile("minio")?["output"] == "json")
        #expect(config.configProfile("minio")?["endpoint_url"] == "http://127.0.0.1:9000")
        #expect(config.configProfile("x") == nil)
    }

    @Test func toleratesWindowsLineEndsAndJunk() {
        let file = AWSConfigFile(parsing: "[default]\r\nregion = ap-south-1\r\nnot a setting\r\n[broken\r\nx = 1\r\n")
        #expect(file.configProfile("default")?["region"] == "ap-south-1")
        #expect(file.sections.count == 1)
    }
}
