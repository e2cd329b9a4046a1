package io.jenkins.plugins.devicefarm.simulator;

/**
 * One artifact of a job: where it hangs in the result tree ({@code parentArn}: the job or a test),
 * its Device Farm type and category, and what its file holds. {@code seq} numbers it within the job.
 */
record SimArtifact(int seq, String arn, String parentArn, String name, String type, String extension,
                   String category, Content content) {

    enum Content { VIDEO, SCREENSHOT, CUSTOMER_ZIP, TEXT }

    /** The file name Device Farm's console offers: name and extension. */
    String fileName() {
        return name + "." + extension;
    }
}
